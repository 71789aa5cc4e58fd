// Trunk post-build hook, run after minify-glue.mjs (so that names follow the final bytes) and
// before precache-manifest.mjs (which writes the names where pages need them): gives a
// content-hashed name to each file of the build that Trunk writes under a fixed name but a
// page loads, so that it can be cached forever and a page never meets a stale copy:
//
//   - the widget's wasm module. Trunk builds it as a "worker" (built, but not loaded by
//     index.html) and names a worker's JS glue and wasm after its binary only
//     (hookcheck-widget.js, hookcheck-widget_bg.wasm). They become
//     hookcheck-widget-<hash>.js and hookcheck-widget-<hash>_bg.wasm, one hash of the two
//     files together, a pair like the app's module;
//   - embed.css, which only the widget's page uses (copied, not linked by index.html, so the
//     app's page does not load it): embed-<hash>.css.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentHash } from "./hashed-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");

function fail(message) {
  console.error(`content-names: ${message}`);
  process.exit(1);
}

const files = readdirSync(dir);
// The worker binaries of index.html's <link data-trunk rel="rust" data-type="worker">, and the
// copied stylesheets.
const WORKERS = ["hookcheck-widget"];
const STYLES = ["embed.css"];

for (const stem of WORKERS) {
  const [glueName, wasmName] = [`${stem}.js`, `${stem}_bg.wasm`];
  for (const file of [glueName, wasmName]) {
    if (!files.includes(file)) fail(`${file} is not in the build (is ${stem}'s rust link in index.html?)`);
  }
  const glue = readFileSync(join(dir, glueName), "utf8");
  const hashed = `${stem}-${contentHash(Buffer.concat([Buffer.from(glue), readFileSync(join(dir, wasmName))]))}`;
  // The glue names its wasm once, as the default address of an `init()` given none.
  writeFileSync(join(dir, `${hashed}.js`), glue.replaceAll(wasmName, `${hashed}_bg.wasm`));
  rmSync(join(dir, glueName));
  renameSync(join(dir, wasmName), join(dir, `${hashed}_bg.wasm`));
  console.log(`content-names: ${glueName}, ${wasmName} -> ${hashed}.js, ${hashed}_bg.wasm`);
}

for (const style of STYLES) {
  if (!files.includes(style)) fail(`${style} is not in the build (is its copy-file link in index.html?)`);
  const hashed = style.replace(/\.css$/, `-${contentHash(readFileSync(join(dir, style)))}.css`);
  renameSync(join(dir, style), join(dir, hashed));
  console.log(`content-names: ${style} -> ${hashed}`);
}
