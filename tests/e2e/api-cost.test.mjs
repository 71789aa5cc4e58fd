// What a host page pays for hookcheck's checks through the JS API: `validate` plus the
// `preview` of the three outcomes on a 4 KB webhook, against `JSON.parse` of the same text
// timed in the same page and the same run (so the machine's load cancels out). The ratio is
// printed and written to tests/e2e/artifacts/api-cost.json; docs/performance.md carries it.
// The assertion is only a sanity bound a loaded machine cannot break.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, launchBrowser, serveStatic } from "./harness.mjs";
import { webhook } from "./webhooks.mjs";

let app;
let browser;
before(async () => {
  app = await serveStatic();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test("validate and three previews of a 4 KB webhook, against JSON.parse of it", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}embed-example.html`);
  const text = webhook(4096);
  const figures = await page.evaluate(async (text) => {
    const hookcheck = await (await import("/hookcheck-api.js")).load();
    const checkAndPreview = () => {
      hookcheck.validate(text);
      for (const outcome of ["success", "warnings", "failure"]) hookcheck.preview(text, outcome);
    };
    const parse = () => JSON.parse(text);
    // The median time of one call, over rounds long enough for the clock.
    const time = (f) => {
      const rounds = [];
      for (let round = 0; round < 15; round++) {
        let calls = 0;
        const start = performance.now();
        do {
          f();
          calls++;
        } while (performance.now() - start < 20);
        rounds.push((performance.now() - start) / calls);
      }
      return rounds.sort((a, b) => a - b)[7];
    };
    for (let i = 0; i < 20; i++) checkAndPreview(); // warm up the wasm
    const ms = time(checkAndPreview);
    const parseMs = time(parse);
    return { ms, parseMs };
  }, text);
  await page.close();
  const ratio = figures.ms / figures.parseMs;
  const result = {
    date: new Date().toISOString(),
    bytes: text.length,
    validateAndThreePreviewsMs: Math.round(figures.ms * 1000) / 1000,
    jsonParseMs: Math.round(figures.parseMs * 10000) / 10000,
    ratio: Math.round(ratio * 10) / 10,
  };
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "api-cost.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(`api-cost: ${JSON.stringify(result)}`);
  assert.ok(ratio < 200, `validate + 3 previews cost ${ratio.toFixed(1)}× JSON.parse`);
});
