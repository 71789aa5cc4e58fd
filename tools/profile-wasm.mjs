// Records which wasm functions the first screen runs, for tools/split-wasm.mjs.
//
//   node tools/profile-wasm.mjs DIST OUT     (or import { recordProfiles })
//
// DIST is a release build whose wasm was instrumented by `wasm-split --instrument`. This
// serves it on 127.0.0.1 and drives it in headless Chromium through everything the first
// screen does: every example with every outcome and its diagnostics chosen, the rule
// catalog's examples and the fuzz seeds typed into the editor, a webhook typed key by key,
// fixes, themes and modes; then the page opened again with a share link (and the
// remembered input), a start with the CPU slowed down, and the widget's start. It writes
// one profile per page, OUT.0, OUT.1, ..., for `wasm-split --merge-profiles`.
//
// The deferred code (src/deferred.rs) never loads here: the loader it asks for returns a
// promise that never settles, so the panels, the widget's frame and the JS API are not in
// the profile, and go to the second module with whatever else this run does not reach. If
// the page needs any of that before the second module has arrived, tools/split-wasm.mjs's
// loader fetches it at that moment.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, root, serveStatic } from "../tests/e2e/harness.mjs";

/** Inputs: the rule catalog's examples and the fuzz seeds, as text. */
function corpus() {
  const texts = [];
  const rules = readFileSync(join(root, "docs/rules.md"), "utf8");
  for (const match of rules.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) texts.push(match[1].trimEnd());
  for (const target of ["check_webhook", "run_options", "parse_json"]) {
    const dir = join(root, "fuzz/corpus", target);
    for (const file of readdirSync(dir).sort()) {
      texts.push(readFileSync(join(dir, file), "latin1").slice(0, 20000));
    }
  }
  return texts;
}

// Runs in every page before its scripts: keeps the deferred code from loading, and keeps
// the module's exports where `profileOf` can read them.
const INIT = () => {
  globalThis[Symbol.for("hookcheck.deferred")] = () => new Promise(() => {});
  addEventListener("TrunkApplicationStarted", (event) => {
    window.__hookcheckExports = event.detail.wasm;
  });
};

/** The profile of the page's module, as bytes (written past the end of its memory). */
async function profileOf(page) {
  await page.waitForFunction(() => window.__hookcheckExports);
  return page.evaluate(() => {
    const exports = window.__hookcheckExports;
    const base = exports.memory.grow(2) * 65536;
    const size = exports.__write_profile(base, 2 * 65536);
    return Array.from(new Uint8Array(exports.memory.buffer, base, size));
  });
}

/** Lets Yew render what the last event changed. */
const settle = (page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));

async function clickEach(locator) {
  const count = await locator.count();
  for (let i = 0; i < count; i++) await locator.nth(i).click({ timeout: 1000 }).catch(() => {});
}

/** Drives the app served from `dir`; writes `${out}.N` and returns their paths. */
export async function recordProfiles(dir, out) {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  await browser.addInitScript(INIT);
  const profiles = [];
  try {
    const share = Buffer.from(
      JSON.stringify({ v: 1, text: "https://example.com/shared", mode: "webhook" }),
    ).toString("base64url");

    const page = await browser.newPage();
    page.setDefaultTimeout(10000);
    await page.goto(server.url);
    await page.getByTestId("validity").waitFor();
    const examples = page.getByTestId("examples");
    const values = await examples
      .locator("option")
      .evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    for (const value of values) {
      await examples.selectOption(value);
      await settle(page);
      for (const outcome of ["warnings", "failure", "success"]) {
        await page.getByTestId(`outcome-${outcome}`).click();
      }
      await clickEach(page.locator(".diagnostics button.locate"));
    }
    const input = page.getByTestId("input");
    for (const text of corpus()) {
      await input.fill(text);
      await settle(page);
    }
    await input.fill("");
    await input.pressSequentially(
      '{"url":"https://example.com/x?a=1","headers":{"Authorization":"Bearer 1"},"body":{"a":"<%= testName %>"}}',
    );
    await settle(page);
    await clickEach(page.locator(".preview button"));
    await input.fill('{"url":"http://example.com/x", "format": "json", "headers": {"X": 1}}');
    await settle(page);
    await clickEach(page.locator(".diagnostics button.fix"));
    for (let i = 0; i < 3; i++) await page.locator(".theme-toggle").click();
    await clickEach(page.locator(".toolbar button, .toolbar input"));
    await page.evaluate((code) => { location.hash = `s=${code}`; }, share);
    await settle(page);
    await page.evaluate(() => { location.hash = "s=not-a-share-code"; });
    await settle(page);
    await clickEach(page.locator(".notice button"));
    profiles.push(await profileOf(page));

    // Opened again: a share link at start, then the remembered input.
    await page.goto(`${server.url}#s=${share}`);
    await page.getByTestId("validity").waitFor();
    profiles.push(await profileOf(page));
    await page.goto(server.url);
    await page.getByTestId("validity").waitFor();
    profiles.push(await profileOf(page));
    await page.close();

    // A start on a slow machine. Yew's scheduler hands the rest of a run back to the
    // browser (a `setTimeout` of 0, a closure called and then freed) once the run has taken
    // 16 ms and no render is pending. Whether the runs above ever reach that depends on the
    // speed of the machine at that moment: a build whose profile missed it put that code in
    // the deferred half, which every start on a slower machine then fetched synchronously.
    // With the CPU slowed tenfold the start's runs take far longer than 16 ms, so they do.
    const slow = await browser.newPage();
    await (await browser.newCDPSession(slow)).send("Emulation.setCPUThrottlingRate", { rate: 10 });
    await slow.goto(server.url);
    await slow.getByTestId("validity").waitFor();
    await slow.getByTestId("input").fill('{"url": "https://example.com/hook", "format": "json/text"}');
    await settle(slow);
    profiles.push(await profileOf(slow));
    await slow.close();

    // The widget's start, up to where it waits for the deferred code.
    const widget = await browser.newPage();
    await widget.goto(`${server.url}?embed=1&readonly=1&outcome=failure&origin=https://example.com#s=${share}`);
    profiles.push(await profileOf(widget));
    await widget.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return profiles.map((bytes, i) => {
    const path = `${out}.${i}`;
    writeFileSync(path, Buffer.from(bytes));
    return path;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    console.error("usage: node tools/profile-wasm.mjs DIST OUT");
    process.exit(2);
  }
  const written = await recordProfiles(dir, out);
  console.log(`profile-wasm: ${written.length} profiles written: ${written.join(" ")}`);
}
