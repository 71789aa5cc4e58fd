// Latency of the built app in headless Chromium: keystroke to updated preview on a 4 KB
// webhook, and navigation start to the first interactive render. The figures are printed
// and written to tests/e2e/artifacts/perf.json; docs/performance.md carries the measured
// ones. The assertions are only sanity bounds, so a loaded CI machine does not flake.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { appInBrowser, artifacts, noteFirstInput } from "./harness.mjs";
import { webhook } from "./webhooks.mjs";

const KEYSTROKES = 100;
const LOADS = 5;

const app = appInBrowser();
const results = {};
after(async () => {
  if (Object.keys(results).length > 0) {
    mkdirSync(artifacts, { recursive: true });
    const path = join(artifacts, "perf.json");
    writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2) + "\n");
    console.log(`perf: wrote ${path}`);
  }
});

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const round = (ms) => Math.round(ms * 100) / 100;

test("keystroke to updated preview on a 4 KB webhook", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.getByTestId("input").waitFor();
  const text = webhook(4096);
  const times = await page.evaluate(
    async ({ text, keystrokes }) => {
      const input = document.querySelector('[data-testid="input"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
      const shown = () =>
        (document.querySelector('[data-testid="preview-body"]')?.textContent ?? "") +
        "\u0000" +
        (document.querySelector('[data-testid="validity"]')?.textContent ?? "");
      // Resolves at the first DOM mutation after which the preview body or the validity
      // text differs from `before`.
      const changeFrom = (before) =>
        new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (shown() !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      const type = (value) => {
        setValue.call(input, value);
        input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
      };
      // Load the 4 KB webhook and wait until it is rendered.
      let before = shown();
      let changed = changeFrom(before);
      type(text);
      await changed;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      // Each keystroke types one letter into the body's first string, so the preview changes.
      const at = text.indexOf('"summary": "') + '"summary": "'.length;
      let current = text;
      const times = [];
      for (let i = 0; i < keystrokes; i++) {
        current = current.slice(0, at + i) + String.fromCharCode(97 + (i % 26)) + current.slice(at + i);
        before = shown();
        changed = changeFrom(before);
        const start = performance.now();
        type(current);
        const end = await changed;
        times.push(end - start);
        // Let the browser paint before the next keystroke, as a person types.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      return times;
    },
    { text, keystrokes: KEYSTROKES },
  );
  assert.match(await page.getByTestId("validity").textContent(), /^Valid/);
  const body = await page.getByTestId("preview-body").textContent();
  assert.ok(body.includes("AppRTC"), "the preview shows the rendered body");
  const sorted = [...times].sort((a, b) => a - b);
  results.keystroke = {
    input_bytes: Buffer.byteLength(text),
    keystrokes: times.length,
    median_ms: round(quantile(sorted, 0.5)),
    p95_ms: round(quantile(sorted, 0.95)),
    max_ms: round(sorted.at(-1)),
  };
  console.log(
    `perf: keystroke → preview on ${results.keystroke.input_bytes} B: median ${results.keystroke.median_ms} ms, ` +
      `p95 ${results.keystroke.p95_ms} ms, max ${results.keystroke.max_ms} ms over ${times.length} keystrokes`,
  );
  // Target p95 < 16 ms (one frame); CI only guards against a gross regression.
  assert.ok(results.keystroke.p95_ms < 250, `p95 ${results.keystroke.p95_ms} ms`);
  await page.close();
});

test("navigation start to first interactive render", async () => {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await app.browser.newPage();
    await noteFirstInput(page);
    await page.goto(app.server.url);
    await page.waitForFunction(() => window.__hookcheckFirstInput !== undefined);
    samples.push(
      await page.evaluate(() => {
        const [nav] = performance.getEntriesByType("navigation");
        return {
          first_render_ms: window.__hookcheckFirstInput,
          dom_content_loaded_ms: nav.domContentLoadedEventEnd,
          transfer_bytes: performance
            .getEntriesByType("resource")
            .reduce((sum, entry) => sum + entry.encodedBodySize, nav.encodedBodySize),
        };
      }),
    );
    await page.close();
  }
  const firstRenders = samples.map((s) => s.first_render_ms).sort((a, b) => a - b);
  results.first_render = {
    loads: samples.length,
    median_ms: round(quantile(firstRenders, 0.5)),
    max_ms: round(firstRenders.at(-1)),
    dom_content_loaded_median_ms: round(
      quantile(samples.map((s) => s.dom_content_loaded_ms).sort((a, b) => a - b), 0.5),
    ),
    transfer_bytes_uncompressed: samples[0].transfer_bytes,
  };
  console.log(
    `perf: navigation start → first interactive render: median ${results.first_render.median_ms} ms, ` +
      `max ${results.first_render.max_ms} ms over ${samples.length} loads from 127.0.0.1 (no compression)`,
  );
  assert.ok(results.first_render.median_ms < 10_000, `first render ${results.first_render.median_ms} ms`);
});
