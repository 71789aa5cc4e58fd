// Offline (SPEC §4.1): after one visit the service worker serves the app, or the embed
// widget, which validates and previews with the network off; a visit to one page caches that
// page's files and never the other page's wasm module; a new build replaces the old cache
// completely, keeping every page that was cached; and the app can be installed.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Resolves once the page is controlled by the worker that `which` page registered
 * (`/sw.js?page=app` or `?page=widget`), which has precached its files by then.
 */
async function controlledBy(page, which) {
  // Polled on a timer, not on animation frames, which a busy or hidden page may not draw.
  await page.waitForFunction(
    (which) => navigator.serviceWorker.controller?.scriptURL.endsWith(`/sw.js?page=${which}`),
    which,
    { polling: 100, timeout: 45_000 },
  );
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** The paths of every file in every cache of the page's origin: ["/index.html", …]. */
const cachedFiles = (page) =>
  page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });

/** Each wasm module's files in the build, as paths: its JS glue and its wasm. */
function moduleFiles(stem) {
  const wasm = readdirSync(dist).find((f) => f.startsWith(`${stem}-`) && f.endsWith("_bg.wasm"));
  return [`/${wasm.replace(/_bg\.wasm$/, ".js")}`, `/${wasm}`];
}
const APP_MODULE = moduleFiles("hookcheck-web");
const WIDGET_MODULE = moduleFiles("hookcheck-widget");

/** The files of the build that a page of dist/ names, as paths (its own included). */
function namedBy(page) {
  const html = readFileSync(join(dist, page), "utf8");
  return [`/${page}`, ...[...html.matchAll(/\b(?:href|src)="?(\/[^" >]+)/g)].map((m) => m[1])];
}

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
    await controlledBy(page, "app");
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

    // A second page, opened offline, works too.
    const second = await browser.newPage();
    await second.goto(server.url);
    await validatesAndPreviews(second);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("after one visit to the widget it loads, validates and previews with the network off, at its old address too, and so does the embedding example", { timeout: 60_000 }, async () => {
  const server = await serveStatic(copyOfDist());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}embed.html`);
    await controlledBy(page, "widget");

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

    // The example runs the widget's module, in its frame and through the JS API.
    await old.goto(`${server.url}embed-example.html`);
    await old.getByTestId("save").and(old.locator(":enabled")).waitFor();
  } finally {
    await browser.close();
    await server.close();
  }
});

// A first visit to each page: its own files cached, the other page's module neither fetched
// nor cached.
const VISITS = [
  { name: "app", page: "index.html", module: APP_MODULE, other: { name: "widget", page: "embed.html", module: WIDGET_MODULE } },
  { name: "widget", page: "embed.html", module: WIDGET_MODULE, other: { name: "app", page: "index.html", module: APP_MODULE } },
];
for (const { name, page: html, module, other } of VISITS) {
  test(`a first visit to the ${name} caches the ${name}'s files, and never fetches or caches the ${other.name}'s module`, { timeout: 60_000 }, async () => {
    const server = await serveStatic();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(name === "app" ? server.url : `${server.url}embed.html?origin=${encodeURIComponent(server.origin)}`);
      await controlledBy(page, name);
      const cached = await cachedFiles(page);
      for (const file of [...namedBy(html), ...module]) assert.ok(cached.includes(file), `${file} is not cached`);
      for (const file of [...namedBy(other.page), ...other.module].filter((f) => !namedBy(html).includes(f))) {
        assert.ok(!cached.includes(file), `the ${name}'s visit cached the ${other.name}'s ${file}`);
      }
      for (const file of other.module) assert.ok(!server.requested.includes(file), `the ${name}'s visit fetched ${file}`);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test("after a visit to each page, one cache holds both pages' files and both work with the network off", { timeout: 60_000 }, async () => {
  const server = await serveStatic(copyOfDist());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await controlledBy(page, "app");
    // The widget's page registers its own worker address, which replaces the app's worker
    // with one of the same build that adds the widget's files to the same cache.
    await page.goto(`${server.url}embed.html`);
    await controlledBy(page, "widget");
    const version = readFileSync(join(dist, "sw.js"), "utf8").match(/const VERSION = "(\w+)"/)[1];
    assert.deepEqual(await cacheNames(page), [`hookcheck-${version}`]);
    const cached = await cachedFiles(page);
    for (const file of [...APP_MODULE, ...WIDGET_MODULE]) assert.ok(cached.includes(file), `${file} is not cached`);

    await browser.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId("embed").waitFor();
    await validatesAndPreviews(page);
    await page.goto(server.url);
    await validatesAndPreviews(page);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a new build replaces the old cache with every page the old one held, and offline then serves the new build", { timeout: 60_000 }, async () => {
  const dir = copyOfDist();
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    // Both pages visited; the app's visit registered the newest worker.
    const page = await browser.newPage();
    await page.goto(`${server.url}embed.html`);
    await controlledBy(page, "widget");
    await page.goto(server.url);
    await controlledBy(page, "app");
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
    // The app's worker cached the widget's page too, as the old cache held it.
    const cached = await cachedFiles(page);
    for (const file of [...APP_MODULE, ...WIDGET_MODULE, "/embed.html"]) assert.ok(cached.includes(file), `${file} is not cached`);

    await browser.setOffline(true);
    await server.close();
    await page.reload();
    assert.equal(await page.locator('meta[name="build"]').getAttribute("content"), "two");
    await validatesAndPreviews(page);
    await page.goto(`${server.url}embed.html`);
    await page.getByTestId("embed").waitFor();
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
    await controlledBy(page, "app");
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
