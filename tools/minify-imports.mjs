// Trunk post-build hook, run after externalize-loader.mjs and before minify-glue.mjs: gives
// the imports of each wasm module of a release build (the app's and the widget's) short names,
// in the wasm and in the wasm-bindgen JS glue that provides them, and rewrites the wasm's
// Subresource Integrity hash in index.html where index.html preloads it (the app's).
//
// wasm-bindgen names each import after the function it binds plus a 16-digit hash
// (`__wbg_querySelector_72201b7c62dc196b`) and files them all under the glue's module name
// (`./hookcheck-web_bg.js`): some 10 KB of names, written twice (the wasm's import section and
// the glue's import object), whose hashes gzip cannot shrink. Each name is defined once in
// the glue, as a key of its import object, so renaming is exact: a name is renamed only
// when it occurs exactly once in the glue (and the module name when its quoted form does),
// and the new names are assigned in import order, so the same build gives the same bytes.
//
// Why not binaryen's passes: `wasm-opt --minify-imports` renames only the imports of the `env`
// and WASI modules (on wasm-bindgen's output its mapping is empty), and
// `--minify-imports-and-exports-and-modules` renames the exports too, which the glue names in
// many more places than the one definition per import this script relies on.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rewriteIntegrity } from "./hashed-names.mjs";
import { leb, writeLeb } from "./leb128.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

function fail(message) {
  console.error(`minify-imports: ${message}`);
  process.exit(1);
}

const name = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return [...writeLeb(bytes.length), ...bytes];
};

/** Where an import's description ends: a function, table, memory, global or tag. */
function descriptionEnd(bytes, at) {
  const kind = bytes[at++];
  const limits = (at) => {
    const flags = bytes[at++];
    [, at] = leb(bytes, at);
    if (flags & 1) [, at] = leb(bytes, at);
    return at;
  };
  if (kind === 0 || kind === 4) return leb(bytes, kind === 4 ? at + 1 : at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  fail(`unknown import kind ${kind}`);
}

/** `a`, `b`, … `Z`, `aa`, `ab`, …: names that are JavaScript identifiers. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let out = "";
  do {
    out = letters[index % letters.length] + out;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return out;
}

const occurrences = (text, word) => text.split(word).length - 1;
const asKey = (word) => new RegExp(`(?<![\\w$])${word.replace(/[$.]/g, "\\$&")}(?![\\w$])`, "g");

const wasmFiles = readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"));
if (wasmFiles.length === 0) fail("no *_bg.wasm in the build");
for (const wasmName of wasmFiles) minifyImports(wasmName);

/** Renames the imports of `wasmName` and of its glue, `<stem>.js`. */
function minifyImports(wasmName) {
  const glueName = wasmName.replace(/_bg\.wasm$/, ".js");
  const wasm = readFileSync(join(dir, wasmName));
  let glue = readFileSync(join(dir, glueName), "utf8");

  // Find the import section (id 2) among the sections after the 8-byte header.
  let at = 8;
  let section = null;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    if (id === 2) section = { start: at, body, end: body + size };
    at = body + size;
  }
  if (!section) return;

  let [count, cursor] = leb(wasm, section.body);
  const renamed = new Map();
  const modules = new Map();
  const entries = [];
  for (let i = 0; i < count; i++) {
    let length;
    [length, cursor] = leb(wasm, cursor);
    const module = wasm.toString("utf8", cursor, cursor + length);
    cursor += length;
    [length, cursor] = leb(wasm, cursor);
    const field = wasm.toString("utf8", cursor, cursor + length);
    cursor += length;
    const end = descriptionEnd(wasm, cursor);
    const description = wasm.subarray(cursor, end);
    cursor = end;
    if (!modules.has(module)) {
      const quoted = JSON.stringify(module);
      modules.set(module, occurrences(glue, quoted) === 1 ? quoted : null);
    }
    if (!renamed.has(field) && field.length > 3 && (glue.match(asKey(field)) ?? []).length === 1) {
      renamed.set(field, shortName(renamed.size));
    }
    entries.push({ module, field, description });
  }

  let moduleName = "m";
  while (glue.includes(`"${moduleName}"`)) moduleName += "m";
  for (const [module, quoted] of modules) {
    if (quoted) glue = glue.replace(quoted, JSON.stringify(moduleName));
    else modules.delete(module);
  }
  for (const [field, short] of renamed) glue = glue.replace(asKey(field), short);

  const body = [...writeLeb(count)];
  for (const { module, field, description } of entries) {
    body.push(...name(modules.has(module) ? moduleName : module), ...name(renamed.get(field) ?? field), ...description);
  }
  const rewritten = Buffer.concat([
    wasm.subarray(0, section.start),
    Buffer.from([2, ...writeLeb(body.length), ...body]),
    wasm.subarray(section.end),
  ]);
  writeFileSync(join(dir, wasmName), rewritten);
  writeFileSync(join(dir, glueName), glue);

  // The wasm's `integrity` in index.html (the glue's is minify-glue's, which runs next).
  if (!rewriteIntegrity(dir, wasmName, rewritten)) fail(`could not rewrite the integrity of ${wasmName} in index.html`);
  console.error(
    `minify-imports: ${renamed.size} of ${count} imports renamed; ${wasmName} ${wasm.length} -> ${rewritten.length} bytes`,
  );
}
