// scripts/size: the size budget that scripts/test enforces on the release build. Runs the
// script on small fake dist/ folders: under the budget it passes, over it fails.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { gzipSync } from "node:zlib";
import { root } from "./harness.mjs";

const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fake dist/: index.html naming a loader, which names the glue and the wasm. */
function fakeDist() {
  const dir = mkdtempSync(join(tmpdir(), "hookcheck-size-"));
  dirs.push(dir);
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><script type="module" src="/loader-1.js"></script><link rel="stylesheet" href="/style-1.css">' +
      '<link rel="manifest" href="/app.webmanifest"><link rel="apple-touch-icon" href="/touch.png">',
  );
  // Install-time icons: the manifest counts, what it names and the touch icon do not.
  writeFileSync(join(dir, "app.webmanifest"), '{"icons": [{"src": "big.png"}]}');
  writeFileSync(join(dir, "big.png"), "p".repeat(50_000));
  writeFileSync(join(dir, "touch.png"), "t".repeat(50_000));
  writeFileSync(join(dir, "loader-1.js"), "import init from '/app-1.js'; await init({ module_or_path: '/app-1_bg.wasm' });\n");
  writeFileSync(join(dir, "app-1.js"), "export default async function init() {}\n".repeat(20));
  writeFileSync(join(dir, "app-1_bg.wasm"), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)));
  writeFileSync(join(dir, "style-1.css"), "body { margin: 0 }\n");
  // Not named by the first load: reported apart, not counted.
  writeFileSync(join(dir, "embed.html"), "x".repeat(100_000));
  return dir;
}

const size = (...args) =>
  spawnSync(process.execPath, [join(root, "scripts/size"), ...args], { encoding: "utf8" });

test("under the budget the script passes and reports every file the page fetches", () => {
  const dir = fakeDist();
  const json = join(dir, "..", `${dir.split("/").at(-1)}.json`);
  dirs.push(json);
  const run = size("--dist", dir, "--budget", "1000000", "--json", json);
  assert.equal(run.status, 0, run.stderr);
  for (const file of ["index.html", "loader-1.js", "app-1.js", "app-1_bg.wasm", "style-1.css", "app.webmanifest"]) {
    assert.match(run.stdout, new RegExp(`\\| ${file.replace(".", "\\.")} \\|`));
  }
  assert.match(run.stdout, /Not fetched by the page: big\.png, embed\.html, touch\.png/);
  assert.match(run.stdout, /Within budget/);
});

test("every wasm module counts, even one the page does not name", () => {
  const dir = fakeDist();
  writeFileSync(join(dir, "extra.wasm"), Buffer.from(Array.from({ length: 9_000 }, (_, i) => (i * 7919) % 251)));
  const run = size("--dist", dir, "--budget", "1000000");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /\| extra\.wasm \|/);
  assert.doesNotMatch(run.stdout, /Not fetched by the page: [^\n]*extra\.wasm/);
});

test("over a tiny budget the script fails and says by how much", () => {
  const run = size("--dist", fakeDist(), "--budget", "100");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /OVER BUDGET/);
});

test("the gzip total is what the budget is checked against", () => {
  const dir = fakeDist();
  const names = ["index.html", "loader-1.js", "app-1.js", "app-1_bg.wasm", "style-1.css", "app.webmanifest"];
  const total = names.reduce((sum, name) => sum + gzipSync(readFileSync(join(dir, name)), { level: 9 }).length, 0);
  assert.equal(size("--dist", dir, "--budget", String(total)).status, 0);
  assert.equal(size("--dist", dir, "--budget", String(total - 1)).status, 1);
});

test("a missing dist/ or a bad argument is a usage error, not a pass", () => {
  assert.equal(size("--dist", join(tmpdir(), "hookcheck-no-such-dist")).status, 2);
  assert.equal(size("--budget", "lots").status, 2);
});
