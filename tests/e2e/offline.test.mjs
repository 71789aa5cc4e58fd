// Offline (SPEC §4.1): after one visit the service worker serves the app, or the embed
// widget, which validates and previews with the network off; a new build replaces the old
// cache completely; and the app can be installed.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { dist, launchBrowser, serveStatic, typeInto } from "./harness.mjs";

const SUCCESS_BODY =
  '{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}';

/** A private copy of dist/, so a test can change it as a new deploy would. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), "hookcheck-dist-"));
  cpSync(dist, dir, { recursive: true });
  return dir;
}

/** Resolves once a service worker controls the page (the first visit installs it). */
function controlled(page) {
  return page.evaluate(
    () =>
      navigator.serviceWorker.controller !== null ||
      new Promise((ok) =>
        navigator.serviceWorker.addEventListener("controllerchange", () => ok(true), {
          once: true,
        }),
      ),
  );
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

async function validatesAndPreviews(page) {
  await typeInto(page, "https://example.com/hook");
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await page.getByTestId("preview-body").textContent(), SUCCESS_BODY);
  await typeInto(page, '{"url": "https://example.com/hook",}');
  await page.getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
}

test("after one visit the app loads, validates and previews with the network off", { timeout: 60_000 }, async () => {
  const server = await serveStatic(copyOfDist());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    assert.equal(await controlled(page), true);
    const version = readFileSync(join(dist, "sw.js"), "utf8").match(/const VERSION = "(\w+)"/)[1];
    assert.deepEqual(await cacheNames(page), [`hookcheck-${version}`]);

    // Both ways of losing the network: the browser's offline switch, and no server at all.
    await browser.setOffline(true);
    await server.close();
    await page.reload();
    await validatesAndPreviews(page);
    // The Send panel says the browser is offline.
    await typeInto(page, "https://example.com/hook");
    await page.getByTestId("send-offline").waitFor();

    // A second page, opened offline, works too (and the embedding example with it).
    const second = await browser.newPage();
    await second.goto(server.url);
    await validatesAndPreviews(second);
    await second.goto(`${server.url}embed-example.html`);
    await second.getByTestId("save").and(second.locator(":enabled")).waitFor();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("after one visit to the widget it loads, validates and previews with the network off, at its old address too", { timeout: 60_000 }, async () => {
  const server = await serveStatic(copyOfDist());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}embed.html`);
    assert.equal(await controlled(page), true);

    await browser.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId("embed").waitFor();
    await validatesAndPreviews(page);

    const old = await browser.newPage();
    await old.goto(`${server.url}?embed=1`);
    await old.getByTestId("embed").waitFor();
    assert.equal(old.url(), `${server.url}embed.html?embed=1`);
    await validatesAndPreviews(old);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a new build replaces the old cache, and offline then serves the new build", { timeout: 60_000 }, async () => {
  const dir = copyOfDist();
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await controlled(page);
    const [oldCache] = await cacheNames(page);

    // Deploy "build 2": a changed page, so a changed precache version in sw.js. (The release
    // build's minified HTML has no <head> tag to anchor on; the charset <meta> is always there.)
    const index = join(dir, "index.html");
    const page2 = readFileSync(index, "utf8").replace(/<meta charset=[^>]*>/i, '$&<meta name="build" content="two">');
    assert.match(page2, /name="build"/);
    writeFileSync(index, page2);
    const worker = join(dir, "sw.js");
    writeFileSync(
      worker,
      readFileSync(worker, "utf8").replace(/const VERSION = "\w+"/, 'const VERSION = "build2"'),
    );

    // The browser checks sw.js on navigation (asked for here too, so as not to depend on
    // its timing); the new worker installs, takes over and deletes the old cache.
    await page.reload();
    await page.evaluate(async () => {
      const replaced = async () => {
        const names = await caches.keys();
        return names.length === 1 && names[0] === "hookcheck-build2";
      };
      await (await navigator.serviceWorker.ready).update().catch(() => {});
      while (!(await replaced())) await new Promise((ok) => setTimeout(ok, 50));
    });
    assert.notEqual(oldCache, "hookcheck-build2");

    await browser.setOffline(true);
    await server.close();
    await page.reload();
    assert.equal(await page.locator('meta[name="build"]').getAttribute("content"), "two");
    await validatesAndPreviews(page);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("the app is installable: Chromium finds no installability error in the manifest, icons or worker", async () => {
  const server = await serveStatic();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.url, /\/manifest\.webmanifest$/);
  } finally {
    await browser.close();
    await server.close();
  }
});
