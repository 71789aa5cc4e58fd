// The release build in dist/: one wasm module named by its content hash, imports with short
// names that the glue provides (tools/minify-imports.mjs), Subresource Integrity hashes that
// match the minified files, the rule catalog the editor links to, and a page that starts
// under its Content Security Policy without a console error (a refused inline script or eval
// would log one).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, dist, typeInto } from "./harness.mjs";

const app = appInBrowser();

test("the build has one wasm module, named by one hash", () => {
  const wasm = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, wasm.join(" "));
  assert.match(wasm[0], /^hookcheck-web-[0-9a-f]{1,16}_bg\.wasm$/);
});

test("the wasm's imports have short names, each one a key the glue provides", () => {
  const name = readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));
  const wasm = readFileSync(join(dist, name));
  const glue = readFileSync(join(dist, name.replace(/_bg\.wasm$/, ".js")), "utf8");
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 50, `${imports.length} imports`);
  for (const { module: from, name: field } of imports) {
    assert.ok(field.length <= 3 && from.length <= 3, `${from} ${field}`);
    assert.match(glue, new RegExp(`[{,]${field}:`), field);
  }
});

test("the rule catalog that the editor's docs link to is in the build, each rule at its anchor", () => {
  const rules = readFileSync(join(dist, "rules.html"), "utf8");
  assert.match(rules, /<h1 id="hookcheck-rules">hookcheck rules<\/h1>/);
  assert.match(rules, /<h3 id="json-trailing-comma"><code>json-trailing-comma<\/code><\/h3>/);
  // Its link to the destinations page points at the rendered page, which is there too.
  assert.match(rules, /href="destinations.html"/);
  assert.match(readFileSync(join(dist, "destinations.html"), "utf8"), /<h1 id=/);
  // So does the page of testRTC's facts it cites.
  assert.match(rules, /href="testrtc.html"/);
  assert.match(readFileSync(join(dist, "testrtc.html"), "utf8"), /<h1 id=/);
});

test("every Subresource Integrity hash in index.html matches its file after minification", () => {
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

test("the app starts and works under its CSP with nothing in the console but its own notes", async () => {
  const page = await app.browser.newPage();
  const messages = [];
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  await page.goto(app.server.url);
  await typeInto(page, '{"url": "https://example.com/hook",}');
  await page.getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
  await page.getByTestId("send").waitFor();
  assert.deepEqual(
    messages.filter((m) => /^(error|pageerror)|Content Security Policy|Refused/i.test(m)),
    [],
  );
  await page.close();
});
