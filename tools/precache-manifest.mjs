// Trunk post-build hook, run last: writes this build's file names, which Trunk cannot know
// when it copies these files, into the staged copies of
//   - hookcheck-api.js: the widget's module (its content-hashed JS glue and wasm);
//   - embed.html, the widget's page: its two stylesheets and the widget's module;
//   - sw.js: what each page precaches (the app's, the widget's), and a version hash of every
//     file.
//
// A page's files are the page and every file of the build that it names, and every file those
// name (a JS import, a manifest's icons), but no other page: a page (.html) is navigated to,
// not loaded. The app's page is index.html; the widget's is embed.html, with the embedding
// example, which runs the widget's module. The files that no page names (the docs pages,
// which both modules link to; the JSON Schema and the JS API's types, which editors and
// compilers fetch) go with both: none is part of either module. The hook fails the build if
// a page's files hold the other page's wasm module.
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

// What each file of the build names: the files whose names appear in its text as a page or
// script writes them ("name", "./name", "/name"; not inside a longer name such as "x-name" or
// "dir/name"), pages left out. Text files only: the wasm's strings are links (rules.html).
// An HTML comment names nothing (a debug build keeps index.html's comments, which mention
// hookcheck-api.js).
const TEXT = /\.(html|js|css|webmanifest)$/;
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const names = new Map(
  built.map((file) => {
    if (!TEXT.test(file)) return [file, []];
    const source = readFileSync(join(dir, file), "utf8");
    const text = file.endsWith(".html") ? source.replace(/<!--[\s\S]*?-->/g, "") : source;
    const named = built.filter(
      (other) =>
        other !== file &&
        !other.endsWith(".html") &&
        new RegExp(`(?<![\\w./-])(?:\\.?/)?${escape(other)}(?![\\w./-])`).test(text),
    );
    return [file, named];
  }),
);

/** `pages` and every file they name, and every file those name. */
function filesOf(pages) {
  const found = new Set();
  const visit = (file) => {
    if (found.has(file)) return;
    found.add(file);
    names.get(file).forEach(visit);
  };
  pages.forEach(visit);
  return found;
}

// The worker reads a cache that holds a page's `page` as a visit to that page.
const PAGES = {
  app: { page: "index.html", files: filesOf(["index.html"]) },
  widget: { page: WIDGET_PAGE, files: filesOf([WIDGET_PAGE, "embed-example.html"]) },
};
const anyPage = (file) => Object.values(PAGES).some(({ files }) => files.has(file));
const shared = built.filter((file) => file !== WORKER && !anyPage(file));
const precache = Object.fromEntries(
  Object.entries(PAGES).map(([name, { page, files }]) => [name, { page, files: [...files, ...shared].sort() }]),
);
const appWasm = one(/^hookcheck-web-[0-9a-f]{1,16}_bg\.wasm$/, "app wasm module");
for (const [page, mine, theirs] of [["app", appWasm, wasm], ["widget", wasm, appWasm]]) {
  if (!precache[page].files.includes(mine)) fail(`the ${page}'s page does not name its wasm, ${mine}`);
  if (precache[page].files.includes(theirs)) fail(`the ${page}'s page names the other page's wasm, ${theirs}`);
}

// The version hashes every file's name and bytes, the worker's own left out.
const hash = createHash("sha256");
for (const file of built.filter((f) => f !== WORKER)) {
  hash.update(`${file}\0${createHash("sha256").update(readFileSync(join(dir, file))).digest("hex")}\n`);
}
const version = hash.digest("hex").slice(0, 16);
rewrite(WORKER, [
  ['"__HOOKCHECK_VERSION__"', JSON.stringify(version)],
  ["{/* __HOOKCHECK_PAGES__ */}", JSON.stringify(precache)],
]);
for (const [name, { files }] of Object.entries(precache)) {
  console.log(`precache-manifest: the ${name}'s page precaches ${files.length} files: ${files.join(" ")}`);
}
console.log(`precache-manifest: version ${version}`);
