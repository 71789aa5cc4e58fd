// static/hookcheck-api.d.ts (generated from crates/core/src/api.rs) declares what the JS API
// returns and what the embed widget posts. This test calls the built API in Chromium on
// inputs that reach every field (fixes, help and no help, both modes, every outcome, SNS, an
// invalid text), collects every kind of message a widget posts to its host, writes what came
// back into a TypeScript file as typed literals, and compiles it with `tsc --strict`: a field
// the declarations lack fails as an excess property, a declared field the API does not return
// fails as a missing one, and a wrong type fails as itself. The module's exports are held to
// the declared ones too.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { dist, launchBrowser, root, serveStatic } from "./harness.mjs";

let app;
let browser;
const work = mkdtempSync(join(tmpdir(), "hookcheck-api-types-"));
before(async () => {
  app = await serveStatic();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

const TEXTS = [
  "https://example.com/hook",
  '{"url": "https://example.com/hook",}',
  '{"url": "http://localhost/hook", "headers": {"Authorization": "Bearer x", "Bad Name": "v"}, "format": "JSON/Object"}',
  "#timeout:80, #webhook:https://example.com/hook #vnc",
  '{"url": "https://example.com/hook", "format": "cloudevent", "body": {"text": "<% this.testName %>: <% this.nope %>"}}',
  '{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "x"}',
  '{"url": 5}',
  "https://hooks.slack.com/services/T000/B000/XXXX",
  "not a url",
];

/** tsc's verdict on `source`, a module that imports the declarations. */
function compile(source) {
  writeFileSync(join(work, "hookcheck-api.d.ts"), readFileSync(join(dist, "hookcheck-api.d.ts")));
  writeFileSync(join(work, "returned.ts"), source);
  return spawnSync(
    join(root, "tools/node_modules/.bin/tsc"),
    ["--noEmit", "--strict", "--target", "es2022", "--module", "es2022", join(work, "returned.ts")],
    { encoding: "utf8" },
  );
}

test("what the JS API returns compiles against hookcheck-api.d.ts", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}embed-example.html`);
  const returned = await page.evaluate(async (texts) => {
    const api = await import("/hookcheck-api.js");
    const hookcheck = await api.load();
    return {
      exports: Object.keys(api).sort(),
      protocol: api.PROTOCOL_VERSION,
      checks: texts.flatMap((text) => [hookcheck.validate(text), hookcheck.validate(text, "webhook")]),
      previews: texts.flatMap((text) =>
        ["success", "warnings", "failure"].map((outcome) => hookcheck.preview(text, outcome, { testName: "T" })),
      ),
    };
  }, TEXTS);
  await page.close();

  // The inputs reach every field, so that a missing declaration cannot go unnoticed.
  const diagnostics = returned.checks.flatMap((c) => c.diagnostics);
  assert.ok(diagnostics.some((d) => d.fix) && diagnostics.some((d) => !d.fix));
  assert.ok(diagnostics.some((d) => d.help === null) && diagnostics.some((d) => typeof d.help === "string"));
  assert.ok(returned.previews.includes(null) && returned.previews.some((p) => p !== null));
  assert.deepEqual(new Set(returned.checks.map((c) => c.mode)), new Set(["webhook", "run-options"]));
  assert.ok(returned.checks.some((c) => c.destination) && returned.checks.some((c) => c.destination === null));

  const declared = [...readFileSync(join(dist, "hookcheck-api.d.ts"), "utf8").matchAll(/^export (?:function|const) (\w+)/gm)]
    .map((m) => m[1])
    .sort();
  assert.deepEqual(returned.exports, declared);

  const source = [
    'import type { CheckResult, RequestPreview } from "./hookcheck-api.js";',
    `export const protocol: typeof import("./hookcheck-api.js").PROTOCOL_VERSION = ${JSON.stringify(returned.protocol)};`,
    `export const checks: CheckResult[] = ${JSON.stringify(returned.checks, null, 1)};`,
    `export const previews: (RequestPreview | null)[] = ${JSON.stringify(returned.previews, null, 1)};`,
  ].join("\n");
  const verdict = compile(source);
  assert.equal(verdict.status, 0, `tsc:\n${verdict.stdout}${verdict.stderr}`);
});

test("what the widget posts to its host compiles against hookcheck-api.d.ts", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}embed-example.html`);
  const messages = await page.evaluate(async (origin) => {
    const received = [];
    const frame = document.createElement("iframe");
    addEventListener("message", (event) => {
      if (event.source === frame.contentWindow) received.push(event.data);
    });
    const arrived = (type) =>
      new Promise((done) => {
        const look = () => (received.some((m) => m.type === type) ? done() : setTimeout(look, 20));
        look();
      });
    frame.src = `/embed.html?origin=${encodeURIComponent(origin)}`;
    document.body.append(frame);
    await arrived("hookcheck:ready");
    const set = (message) => frame.contentWindow.postMessage(message, origin);
    set({ type: "hookcheck:set", version: 1, text: '{"url": "http://example.com/hook",}' });
    set({ type: "hookcheck:set", version: 2 });
    await Promise.all(["hookcheck:result", "hookcheck:height", "hookcheck:error"].map(arrived));
    return received;
  }, app.origin);
  await page.close();
  assert.deepEqual(
    new Set(messages.map((m) => m.type)),
    new Set(["hookcheck:ready", "hookcheck:result", "hookcheck:height", "hookcheck:error"]),
  );
  const verdict = compile(
    [
      'import type { WidgetMessage } from "./hookcheck-api.js";',
      `export const messages: WidgetMessage[] = ${JSON.stringify(messages, null, 1)};`,
    ].join("\n"),
  );
  assert.equal(verdict.status, 0, `tsc:\n${verdict.stdout}${verdict.stderr}`);
});

test("the type check fails on a field the declarations do not have, or a missing one", () => {
  const extra = compile(
    'import type { CheckResult } from "./hookcheck-api.js";\n' +
      'export const c: CheckResult = {valid: true, mode: "webhook", diagnostics: [], surprise: 1};\n',
  );
  assert.notEqual(extra.status, 0);
  assert.match(extra.stdout, /surprise/);
  const missing = compile(
    'import type { RequestPreview } from "./hookcheck-api.js";\n' +
      'export const p: RequestPreview = {method: "POST", url: "u", headers: []};\n',
  );
  assert.notEqual(missing.status, 0);
  assert.match(missing.stdout, /body/);
});
