// Trunk post-build hook, run last: writes this build's file names, which Trunk cannot know
// when it copies these files, into the staged copies of
//   - hookcheck-api.js: the widget's module (its content-hashed JS glue and wasm);
//   - embed.html, the widget's page: its two stylesheets and the widget's module;
//   - sw.js: the precache list (every file of the build) and a version hash of every file.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
}

function fail(message) {
  console.error(`precache-manifest: ${message}`);
  process.exit(1);
}

function* walk(folder) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield relative(dir, path).split(sep).join("/");
  }
}

const WORKER = "sw.js";
const API = "hookcheck-api.js";
const WIDGET_PAGE = "embed.html";
const built = [...walk(dir)];
for (const needed of ["index.html", WORKER, API, WIDGET_PAGE]) {
  if (!built.includes(needed)) fail(`${needed} is not in the build (is its copy-file link in index.html?)`);
}
for (const page of ["index.html", WIDGET_PAGE]) {
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(join(dir, page), "utf8"))) {
    fail(`${page} has an inline script, which its CSP forbids (externalize-loader.mjs runs first for index.html)`);
  }
}

/** The one file of the build whose name matches `pattern`. */
function one(pattern, what) {
  const found = built.filter((f) => pattern.test(f));
  if (found.length !== 1) fail(`expected one ${what} in the build, found ${found.length}: ${found.join(", ")}`);
  return found[0];
}

// The widget's wasm and the wasm-bindgen JS that loads it share one content-hashed stem
// (tools/content-names.mjs).
const wasm = one(/^hookcheck-widget-[0-9a-f]{16}_bg\.wasm$/, "widget wasm module");
const glue = wasm.replace(/_bg\.wasm$/, ".js");
if (!built.includes(glue)) fail(`${glue} (the JS of ${wasm}) is not in the build`);

function rewrite(file, replacements) {
  let text = readFileSync(join(dir, file), "utf8");
  for (const [placeholder, value] of replacements) {
    if (!text.includes(placeholder)) fail(`${file} has no ${placeholder} (already processed?)`);
    text = text.replaceAll(placeholder, value);
  }
  writeFileSync(join(dir, file), text);
}

rewrite(API, [
  ["__HOOKCHECK_GLUE__", glue],
  ["__HOOKCHECK_WASM__", wasm],
]);
rewrite(WIDGET_PAGE, [
  ["__HOOKCHECK_STYLE__", one(/^style-[0-9a-f]+\.css$/, "style.css")],
  ["__HOOKCHECK_EMBED_STYLE__", one(/^embed-[0-9a-f]{16}\.css$/, "embed.css")],
  ["__HOOKCHECK_GLUE__", glue],
  ["__HOOKCHECK_WASM__", wasm],
]);

// Everything but the worker itself, as the pages now are; the version hashes each file's
// name and bytes.
const precache = built.filter((f) => f !== WORKER);
const hash = createHash("sha256");
for (const file of precache) {
  hash.update(`${file}\0${createHash("sha256").update(readFileSync(join(dir, file))).digest("hex")}\n`);
}
const version = hash.digest("hex").slice(0, 16);
rewrite(WORKER, [
  ['"__HOOKCHECK_VERSION__"', JSON.stringify(version)],
  ["[/* __HOOKCHECK_PRECACHE__ */]", JSON.stringify(precache)],
]);
console.log(`precache-manifest: ${precache.length} files, version ${version}`);
