// The release build in dist/: two wasm modules, the app's and the widget's, each named by its
// content hash, with imports with short names that its glue provides
// (tools/minify-imports.mjs); the JS API exported by the widget's module only; the widget's
// page naming the build's files; the service worker's precache list of each page, with its own
// module and not the other's; Subresource Integrity hashes that match the minified files;
// the rule catalog the editor links to; and both pages starting under the same Content
// Security Policy without a console error (a refused inline script or eval would log one).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, dist, typeInto } from "./harness.mjs";

const app = appInBrowser();

const wasmFiles = () => readdirSync(dist).filter((f) => f.endsWith(".wasm")).sort();
const moduleOf = (name) => new WebAssembly.Module(readFileSync(join(dist, name)));

test("the build has two wasm modules, the app's and the widget's, each named by one hash", () => {
  const wasm = wasmFiles();
  assert.equal(wasm.length, 2, wasm.join(" "));
  assert.match(wasm[0], /^hookcheck-web-[0-9a-f]{1,16}_bg\.wasm$/);
  assert.match(wasm[1], /^hookcheck-widget-[0-9a-f]{16}_bg\.wasm$/);
  for (const name of wasm) assert.ok(existsSync(join(dist, name.replace(/_bg\.wasm$/, ".js"))), name);
});

test("each wasm's imports have short names, each one a key its glue provides", () => {
  for (const name of wasmFiles()) {
    const glue = readFileSync(join(dist, name.replace(/_bg\.wasm$/, ".js")), "utf8");
    const imports = WebAssembly.Module.imports(moduleOf(name));
    assert.ok(imports.length > 50, `${name}: ${imports.length} imports`);
    for (const { module: from, name: field } of imports) {
      assert.ok(field.length <= 3 && from.length <= 3, `${name}: ${from} ${field}`);
      assert.match(glue, new RegExp(`[{,]${field}:`), `${name}: ${field}`);
    }
  }
});

test("only the widget's module exports the JS API", () => {
  const [app, widget] = wasmFiles().map((name) => WebAssembly.Module.exports(moduleOf(name)).map((e) => e.name));
  for (const api of ["validate", "preview"]) {
    assert.ok(widget.includes(api), `the widget's module lacks ${api}`);
    assert.ok(!app.includes(api), `the app's module exports ${api}`);
  }
});

test("the widget's page and hookcheck-api.js name the build's own files", () => {
  const html = readFileSync(join(dist, "embed.html"), "utf8");
  const api = readFileSync(join(dist, "hookcheck-api.js"), "utf8");
  assert.doesNotMatch(html + api, /__HOOKCHECK_/);
  const named = [...html.matchAll(/\b(?:href|src)="\/([^"]+)"/g)].map((m) => m[1]);
  for (const file of named) assert.ok(existsSync(join(dist, file)), `embed.html names ${file}, not in the build`);
  const widget = wasmFiles()[1];
  for (const file of [widget, widget.replace(/_bg\.wasm$/, ".js")]) {
    assert.ok(named.includes(file), `embed.html does not preload ${file}`);
    assert.match(api, new RegExp(`"\\./${file.replace(/[.]/g, "\\.")}"`), `hookcheck-api.js does not load ${file}`);
  }
  assert.ok(named.some((f) => /^style-[0-9a-f]+\.css$/.test(f)) && named.some((f) => /^embed-[0-9a-f]{16}\.css$/.test(f)));
});

/** Every file of dist/, as paths relative to it ("icons/icon.svg"). */
function builtFiles(folder = dist, prefix = "") {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** The files of the build that a page names (href, src), its own name included. */
function namedBy(page) {
  const html = readFileSync(join(dist, page), "utf8");
  return [page, ...[...html.matchAll(/\b(?:href|src)="?\/([^" >]+)/g)].map((m) => m[1])];
}

test("the service worker precaches each page's files with its own wasm module, not the other page's, and every file for some page", () => {
  const worker = readFileSync(join(dist, "sw.js"), "utf8");
  assert.match(worker, /const VERSION = "[0-9a-f]{16}";/);
  const pages = JSON.parse(worker.match(/const PAGES = (\{.*\});/)[1]);
  assert.deepEqual(Object.keys(pages), ["app", "widget"]);
  assert.equal(pages.app.page, "index.html");
  assert.equal(pages.widget.page, "embed.html");
  const [appWasm, widgetWasm] = wasmFiles();
  const moduleOf = (wasm) => [wasm, wasm.replace(/_bg\.wasm$/, ".js")];
  const loader = readdirSync(dist).find((f) => /^loader-[0-9a-f]{16}\.js$/.test(f));
  const expected = {
    app: { has: [...namedBy("index.html"), loader, ...moduleOf(appWasm)], lacks: ["embed.html", "embed.js", "hookcheck-api.js", ...moduleOf(widgetWasm)] },
    widget: { has: [...namedBy("embed.html"), "embed.js", "hookcheck-api.js", ...moduleOf(widgetWasm)], lacks: ["index.html", loader, ...moduleOf(appWasm)] },
  };
  for (const [page, { has, lacks }] of Object.entries(expected)) {
    for (const file of has) assert.ok(pages[page].files.includes(file), `the ${page}'s page does not precache ${file}`);
    for (const file of lacks) assert.ok(!pages[page].files.includes(file), `the ${page}'s page precaches ${file}`);
  }
  const precached = new Set([...pages.app.files, ...pages.widget.files]);
  assert.deepEqual(builtFiles().filter((f) => f !== "sw.js" && !precached.has(f)), []);
});

test("the rule catalog that each diagnostic's code links to is in the build, each rule at its anchor", () => {
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

test("the widget's page has the app's CSP and starts under it with nothing in the console", async () => {
  const page = await app.browser.newPage();
  const messages = [];
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  const policy = () =>
    page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  await page.goto(app.server.url);
  const appPolicy = await policy();
  await page.goto(`${app.server.url}embed.html`);
  assert.equal(await policy(), appPolicy);
  await typeInto(page, '{"url": "https://example.com/hook",}');
  await page.getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
  await page.getByTestId("open-in-app").waitFor();
  assert.deepEqual(
    messages.filter((m) => /^(error|pageerror)|Content Security Policy|Refused/i.test(m)),
    [],
  );
  await page.close();
});
