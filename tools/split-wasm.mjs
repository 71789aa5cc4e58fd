// Trunk post-build hook, after externalize-loader.mjs and before minify-glue.mjs: splits
// the release wasm in two, so that the first load carries only what the first screen runs
// (docs/performance.md, section 2).
//
// Runs when HOOKCHECK_SPLIT=1 (scripts/release-env sets it for scripts/build); any other
// build keeps one module, and src/deferred.rs then finds everything already there.
//
//  1. `wasm-split --instrument` a copy of the build, and drive that copy in headless
//     Chromium (tools/profile-wasm.mjs) to learn which functions the first screen runs.
//  2. `wasm-split --profile`: those functions stay in the app's `_bg.wasm`; the others
//     move to `hookcheck-web_deferred-<hash>.wasm`. Every table slot of a moved function holds a
//     placeholder until the second module is instantiated and fills it.
//  3. `wasm-opt -Oz` both modules again (the split leaves them unoptimized).
//  4. Add the loader to the wasm-bindgen JS: the placeholders the first module imports, and
//     `globalThis[Symbol.for("hookcheck.deferred")]`, which fetches and instantiates the
//     second module once and returns a promise (src/deferred.rs calls it after the first
//     render; hookcheck-api.js before it resolves). A placeholder called before then, by a
//     path the profile did not reach (say, the check of a remembered input at start), loads
//     the module synchronously, and the call goes on.
//     A synchronous request does not go through the service worker, so it fails offline. A
//     page the service worker controls therefore takes both halves from its cache before
//     the module starts: no network is involved, and no placeholder is ever called.
//  5. Rename the first half, its JS and the loader by their new contents, and rewrite the
//     wasm's integrity hash in index.html (below, why).
//
// wasm-split is binaryen's (Debian's `binaryen` package, which scripts/setup installs; npm's
// binaryen has no wasm-split); wasm-opt is the npm one Trunk uses.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { contentHash, withoutTrunkHash } from "./hashed-names.mjs";
import { recordProfiles } from "./profile-wasm.mjs";

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.HOOKCHECK_SPLIT !== "1" || process.env.TRUNK_PROFILE !== "release") process.exit(0);
if (!dir) {
  console.error("split-wasm: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "inherit"] });
  } catch (error) {
    fail(`${tool} ${args.join(" ")} failed${error.code === "ENOENT" ? ": not installed (scripts/setup installs it)" : ""}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "hookcheck-split-"));
try {
  const wasmFiles = readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"));
  if (wasmFiles.length !== 1) fail(`expected one *_bg.wasm in the build, found ${wasmFiles.length}`);
  const wasmName = wasmFiles[0];
  const stem = wasmName.replace(/_bg\.wasm$/, "");
  const glueName = `${stem}.js`;
  const wasmPath = join(dir, wasmName);
  const before = readFileSync(wasmPath);
  // The JS this hook patches (step 4), checked before the slow steps.
  let glue = readFileSync(join(dir, glueName), "utf8");
  const patches = [
    [/(\n\s*return \{\n\s*__proto__: null,\n)/, "$1        p: deferredPlaceholders,\n"],
    [/(\n\s*)(wasm\.__wbindgen_start\(\);)/, "$1deferredBeforeStart();$1$2"],
    [/\nexport \{ initSync, __wbg_init as default \};/, "\nexport { initSync, initWithDeferred as default };"],
  ];
  for (const [pattern] of patches) {
    if (!pattern.test(glue)) fail(`${glueName} has no ${pattern}: a new wasm-bindgen? (this hook patches its JS)`);
  }

  // 1. Profile an instrumented copy of the build.
  const copy = join(work, "dist");
  cpSync(dir, copy, { recursive: true });
  run("wasm-split", ["--instrument", wasmPath, "-o", join(copy, wasmName)]);
  const profile = join(work, "profile");
  const profiles = await recordProfiles(copy, profile);
  run("wasm-split", ["--merge-profiles", ...profiles, "-o", profile]);

  // 2. Split; 3. optimize both halves.
  const primary = join(work, "primary.wasm");
  const secondary = join(work, "secondary.wasm");
  run("wasm-split", [wasmPath, `--profile=${profile}`, "-o1", primary, "-o2", secondary,
    "--placeholder-namespace=p", "--import-namespace=m"]);
  run("wasm-opt", ["-Oz", primary, "-o", primary]);
  run("wasm-opt", ["-Oz", secondary, "-o", secondary]);
  const primaryBytes = readFileSync(primary);
  const deferredBytes = readFileSync(secondary);
  const base = withoutTrunkHash(stem);
  const deferredName = `${base}_deferred-${contentHash(deferredBytes)}.wasm`;
  writeFileSync(join(dir, deferredName), deferredBytes);

  // 4. The loader, in the wasm-bindgen JS.
  for (const [pattern, replacement] of patches) glue = glue.replace(pattern, replacement);
  glue += loader(deferredName);

  // 5. New names: Trunk hashed the module before the split, and the split depends on more
  //    than the Rust code (the profile's inputs), so a cache could pair an old half with a
  //    new one. The first half and its JS are named by a hash of both; the loader that
  //    names them by a hash of itself, as externalize-loader.mjs does; index.html follows,
  //    with the wasm's Subresource Integrity hash (minify-glue.mjs redoes the JS's).
  const newStem = `${base}-${contentHash(Buffer.concat([primaryBytes, Buffer.from(glue)]))}`;
  rmSync(wasmPath);
  rmSync(join(dir, glueName));
  writeFileSync(join(dir, `${newStem}_bg.wasm`), primaryBytes);
  writeFileSync(join(dir, `${newStem}.js`), glue);
  let html = readFileSync(join(dir, "index.html"), "utf8");
  const loaderName = html.match(/<script type="?module"? src="?\/(loader-[0-9a-f]+\.js)"?>/)?.[1];
  if (!loaderName) fail("index.html names no loader-<hash>.js (externalize-loader.mjs must run first)");
  const loaderCode = readFileSync(join(dir, loaderName), "utf8").replaceAll(stem, newStem);
  const newLoader = `loader-${contentHash(loaderCode)}.js`;
  rmSync(join(dir, loaderName));
  writeFileSync(join(dir, newLoader), loaderCode);
  html = html.replaceAll(loaderName, newLoader).replaceAll(stem, newStem);
  const preload = new RegExp(`<link\\b[^>]*\\bhref="?/?${newStem}_bg\\.wasm"?[^>]*>`);
  const tag = html.match(preload)?.[0];
  if (tag && /\bintegrity=/.test(tag)) {
    const sri = `sha384-${createHash("sha384").update(primaryBytes).digest("base64")}`;
    html = html.replace(tag, tag.replace(/\bintegrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri}$1`));
  }
  writeFileSync(join(dir, "index.html"), html);

  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  console.error(
    `split-wasm: ${wasmName} ${gz(before)} B gzip → ${newStem}_bg.wasm ${gz(primaryBytes)} B, ` +
      `${deferredName} ${gz(deferredBytes)} B`,
  );
} catch (error) {
  console.error(`split-wasm: ${error instanceof Failure ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The JS added to the wasm-bindgen glue: see step 4 above. */
function loader(file) {
  return `
// Added by tools/split-wasm.mjs: loads the deferred half of the wasm module.
const deferredUrl = new URL(${JSON.stringify(file)}, import.meta.url);
let deferredLoaded = false;
let deferredPending = null;

function deferredInstantiate(module) {
    if (deferredLoaded) return;
    new WebAssembly.Instance(module, { m: wasm });
    deferredLoaded = true;
}

function compileDeferred() {
    return fetch(deferredUrl)
        .then((response) => {
            if (!response.ok) throw new Error(\`\${deferredUrl.pathname} answered \${response.status}\`);
            return response.arrayBuffer();
        })
        .then((bytes) => WebAssembly.compile(bytes));
}

function loadDeferred() {
    if (deferredLoaded) return Promise.resolve();
    deferredPending ??= compileDeferred()
        .then(deferredInstantiate)
        .catch((error) => {
            deferredPending = null;
            throw error;
        });
    return deferredPending;
}

// A function the profile did not see, called before the deferred module arrived: fetch it
// now, synchronously (the call cannot wait), then make the call.
function loadDeferredNow() {
    const request = new XMLHttpRequest();
    request.open("GET", deferredUrl, false);
    request.overrideMimeType("text/plain; charset=x-user-defined");
    request.send();
    if (request.status !== 200) throw new Error(\`\${deferredUrl.pathname} answered \${request.status}\`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    deferredInstantiate(new WebAssembly.Module(bytes));
}

const deferredPlaceholders = new Proxy({}, {
    get: (_, slot) => (...args) => {
        if (!deferredLoaded) loadDeferredNow();
        return wasm.table.get(Number(slot))(...args);
    },
});

globalThis[Symbol.for("hookcheck.deferred")] = loadDeferred;

// Served by the service worker (a later visit, maybe offline): compile the deferred half
// from its cache before the first half loads (a few milliseconds, no network), and
// instantiate it before the module starts. A worker that has to go to the network for it
// (its cache is of another build) gets 2 s; then the page starts without it, as on a first
// visit.
let deferredEarly = null;
async function initWithDeferred(options) {
    if (!deferredLoaded && globalThis.navigator?.serviceWorker?.controller) {
        const compiled = compileDeferred().catch(() => null);
        deferredEarly = await Promise.race([compiled, new Promise((ok) => setTimeout(ok, 2000, null))]);
    }
    return __wbg_init(options);
}

function deferredBeforeStart() {
    if (deferredEarly) deferredInstantiate(deferredEarly);
    deferredEarly = null;
}
`;
}
