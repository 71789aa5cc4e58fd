// Trunk post-build hook, run after minify-imports.mjs and before content-names.mjs: minifies
// the wasm-bindgen JS glue of each wasm module of a release build (the app's and the widget's)
// with terser, which Trunk's own `minify` leaves alone (it minifies HTML and CSS), and
// rewrites the glue's Subresource Integrity hash in index.html to match where index.html
// preloads it (the app's). Debug builds keep the readable glue.
//
// Only whitespace, comments and local names change: the glue's exports and the property
// names of the wasm's import object stay as wasm-bindgen wrote them (terser does not mangle
// properties unless asked to).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { rewriteIntegrity } from "./hashed-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

function fail(message) {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
}

const wasm = readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"));
if (wasm.length === 0) fail("no *_bg.wasm in the build");
for (const name of wasm) await minifyGlue(name.replace(/_bg\.wasm$/, ".js"));

async function minifyGlue(glue) {
  const source = readFileSync(join(dir, glue), "utf8");
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!result.code) fail(`terser returned nothing for ${glue}`);
  writeFileSync(join(dir, glue), result.code);
  console.error(`minify-glue: ${glue} ${source.length} -> ${result.code.length} bytes`);

  // The glue's `integrity` on the app's <link rel="modulepreload">.
  if (!rewriteIntegrity(dir, glue, result.code)) fail(`could not rewrite the integrity of ${glue} in index.html`);
}
