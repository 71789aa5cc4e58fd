// The release wasm in two halves (tools/split-wasm.mjs): the first load stops at what the
// first screen runs, the deferred half arrives after the first render, and code that only
// the deferred half has still runs when it is called before that half arrived, online and
// offline.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  appInBrowser,
  dist,
  holdDeferredFetch,
  launchBrowser,
  noteFirstInput,
  root,
  serveStatic,
  typeInto,
} from "./harness.mjs";
import { withoutTrunkHash } from "../../tools/hashed-names.mjs";

const app = appInBrowser();
const DEFERRED = /_deferred-[0-9a-f]+\.wasm$/;

/** The page's console, kept. */
function keepConsole(page) {
  const console = [];
  page.on("console", (message) => console.push(message.text()));
  return console;
}

const resources = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => ({
      name: new URL(e.name).pathname,
      start: e.startTime,
      initiator: e.initiatorType,
    })),
  );

test("the build has the two halves, each named by one hash", () => {
  const files = readdirSync(dist);
  assert.equal(files.filter((f) => f.endsWith("_bg.wasm")).length, 1, files.join(" "));
  assert.equal(files.filter((f) => DEFERRED.test(f)).length, 1, files.join(" "));
  assert.ok(files.some((f) => /^hookcheck-web-[0-9a-f]{16}_bg\.wasm$/.test(f)), files.join(" "));
  assert.ok(files.some((f) => /^hookcheck-web_deferred-[0-9a-f]{16}\.wasm$/.test(f)), files.join(" "));
});

test("the split's new names drop Trunk's hash whatever its length", () => {
  // Trunk writes its 64-bit hash without leading zeros: 16 hex digits, or fewer.
  assert.equal(withoutTrunkHash("hookcheck-web-3f2a9c0b1d2e4f56"), "hookcheck-web");
  assert.equal(withoutTrunkHash("hookcheck-web-bf9b8d112205a5c"), "hookcheck-web");
  assert.equal(withoutTrunkHash("hookcheck-web-7"), "hookcheck-web");
  assert.equal(withoutTrunkHash("hookcheck-web"), "hookcheck-web");
});

test("every Subresource Integrity hash in index.html matches its file after the split and minification", () => {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\bintegrity=/.test(tag));
  assert.ok(links.some((tag) => /_bg\.wasm/.test(tag)), "the wasm's preload has a hash");
  for (const tag of links) {
    const file = tag.match(/\bhref="?\/?([^" >]+)/)[1];
    const want = tag.match(/\bintegrity="?(sha384-[A-Za-z0-9+/=]+)/)[1];
    const have = `sha384-${createHash("sha384").update(readFileSync(join(dist, file))).digest("base64")}`;
    assert.equal(have, want, file);
  }
});

test("the deferred half is asked for only after the first render, once, and brings the panels", async () => {
  const page = await app.browser.newPage();
  const console = keepConsole(page);
  await noteFirstInput(page);
  await page.goto(app.server.url);
  await page.getByTestId("send").waitFor();
  await page.getByTestId("share").waitFor();
  const firstInput = await page.evaluate(() => window.__hookcheckFirstInput);
  const loaded = await resources(page);
  const first = loaded.find((r) => r.name.endsWith("_bg.wasm"));
  const deferred = loaded.filter((r) => DEFERRED.test(r.name));
  assert.ok(first.start < firstInput, "the first half is part of the first render");
  assert.equal(deferred.length, 1, JSON.stringify(loaded));
  assert.equal(deferred[0].initiator, "fetch");
  assert.ok(deferred[0].start >= firstInput, `asked for at ${deferred[0].start} ms, first render at ${firstInput} ms`);
  assert.deepEqual(console.filter((m) => /Synchronous XMLHttpRequest|error/i.test(m)), []);
  await page.close();
});

// The JS API's functions are not in the profile, so they are in the deferred half. Called
// while the page's own fetch of that half is held back, the call must load it on the spot.
test("code only the deferred half has runs when called before that half arrived", async () => {
  // A browser of its own: no service worker controls the page yet, as on a first visit.
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await holdDeferredFetch(page, 1500);
    await page.goto(app.server.url);
    await page.getByTestId("input").waitFor();
    const result = await page.evaluate(() => window.wasmBindings.validate("https://example.com/hook"));
    assert.equal(result.valid, true);
    assert.equal(result.mode, "webhook");
    const deferred = (await resources(page)).filter((r) => DEFERRED.test(r.name));
    assert.deepEqual(
      deferred.map((r) => r.initiator),
      ["xmlhttprequest"],
      "validate is in the deferred half, fetched synchronously (if the profile reaches it now, call something it does not)",
    );
    // The held fetch finds the half already there; the panels come, and the app works.
    await page.getByTestId("send").waitFor();
    await typeInto(page, '{"url": "https://example.com/hook",}');
    await page.getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
  } finally {
    await browser.close();
  }
});

test("the widget says it is loading until the deferred half is there", async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await holdDeferredFetch(page, null);
    await page.goto(`${app.server.url}?embed=1`);
    await page.getByText("Loading hookcheck…").waitFor();
    assert.equal(await page.getByTestId("input").count(), 0);
  } finally {
    await browser.close();
  }
});

test("under the service worker, a deferred half that does not come delays the start by 2 s at most", { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(app.server.url);
    await page.getByTestId("send").waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await holdDeferredFetch(page, null);
    await noteFirstInput(page);
    await page.reload();
    await page.getByTestId("input").waitFor();
    const firstInput = await page.evaluate(() => window.__hookcheckFirstInput);
    assert.ok(firstInput >= 2000 && firstInput < 8000, `first render at ${firstInput} ms`);
    await page.getByText("Loading the test call and sample data…").waitFor();
    await typeInto(page, "https://example.com/hook");
    await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  } finally {
    await browser.close();
  }
});

test("offline, the service worker's cache gives both halves before the start, so nothing is fetched synchronously", { timeout: 60_000 }, async () => {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId("send").waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await browser.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId("input").waitFor();
    // A synchronous request would fail here: it does not go through the service worker.
    const result = await page.evaluate(() => window.wasmBindings.validate("https://example.com/hook"));
    assert.equal(result.valid, true);
    const deferred = (await resources(page)).filter((r) => DEFERRED.test(r.name));
    assert.deepEqual(deferred.map((r) => r.initiator), ["fetch"]);
    await page.getByTestId("send").waitFor();
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});

// The hook itself, on fake staging folders: it runs only for the split release build, and it
// refuses, before any slow step, JS of a shape it does not know how to patch.
function stagingWith(glue) {
  const dir = mkdtempSync(join(tmpdir(), "hookcheck-staging-"));
  writeFileSync(join(dir, "app-0123456789abcdef_bg.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, "app-0123456789abcdef.js"), glue);
  return dir;
}

const splitHook = (dir, env) =>
  spawnSync(process.execPath, [join(root, "tools/split-wasm.mjs")], {
    encoding: "utf8",
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "release", HOOKCHECK_SPLIT: "1", ...env },
  });

test("the split hook leaves every build but the split release build alone", () => {
  const dir = stagingWith("export {};\n");
  try {
    for (const env of [{ HOOKCHECK_SPLIT: "0" }, { TRUNK_PROFILE: "debug" }]) {
      const run = splitHook(dir, env);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(readdirSync(dir).sort(), ["app-0123456789abcdef.js", "app-0123456789abcdef_bg.wasm"]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the split hook refuses wasm-bindgen JS it does not know, and says so", () => {
  const dir = stagingWith("export default function init() {}\n");
  try {
    const run = splitHook(dir, {});
    assert.equal(run.status, 1);
    assert.match(run.stderr, /split-wasm: app-0123456789abcdef\.js has no .*a new wasm-bindgen\?/);
    assert.deepEqual(readdirSync(dir).sort(), ["app-0123456789abcdef.js", "app-0123456789abcdef_bg.wasm"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
