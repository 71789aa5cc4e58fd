// Trunk post-build hook, run after externalize-loader.mjs: writes this build's file names
// into the staged copies of sw.js (the precache list and a version hash of every file) and
// hookcheck-api.js (the content-hashed wasm-bindgen JS and wasm), which Trunk cannot know
// when it copies them.
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
const files = [...walk(dir)];
for (const needed of ["index.html", WORKER, API]) {
  if (!files.includes(needed)) fail(`${needed} is not in the build (is its copy-file link in index.html?)`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(join(dir, "index.html"), "utf8"))) {
  fail("index.html still has an inline script: externalize-loader.mjs must run first");
}

// The app's wasm and the wasm-bindgen JS that loads it share one content-hashed stem.
const wasm = files.filter((f) => f.endsWith("_bg.wasm"));
if (wasm.length !== 1) fail(`expected one *_bg.wasm in the build, found ${wasm.length}`);
const glue = wasm[0].replace(/_bg\.wasm$/, ".js");
if (!files.includes(glue)) fail(`${glue} (the JS of ${wasm[0]}) is not in the build`);

// Everything but the worker itself; the version hashes each file's name and bytes.
const precache = files.filter((f) => f !== WORKER);
const hash = createHash("sha256");
for (const file of precache) {
  const bytes = file === API ? apiSource() : readFileSync(join(dir, file));
  hash.update(`${file}\0${createHash("sha256").update(bytes).digest("hex")}\n`);
}
const version = hash.digest("hex").slice(0, 16);

function apiSource() {
  return readFileSync(join(dir, API), "utf8")
    .replace("__HOOKCHECK_GLUE__", glue)
    .replace("__HOOKCHECK_WASM__", wasm[0]);
}

function rewrite(file, replacements) {
  let text = readFileSync(join(dir, file), "utf8");
  for (const [placeholder, value] of replacements) {
    if (!text.includes(placeholder)) fail(`${file} has no ${placeholder} (already processed?)`);
    text = text.replace(placeholder, value);
  }
  writeFileSync(join(dir, file), text);
}

rewrite(API, [
  ["__HOOKCHECK_GLUE__", glue],
  ["__HOOKCHECK_WASM__", wasm[0]],
]);
rewrite(WORKER, [
  ['"__HOOKCHECK_VERSION__"', JSON.stringify(version)],
  ["[/* __HOOKCHECK_PRECACHE__ */]", JSON.stringify(precache)],
]);
console.log(`precache-manifest: ${precache.length} files, version ${version}`);
