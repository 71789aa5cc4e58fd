// scripts/size: the size budget that scripts/test enforces on the release build, for each of
// the two pages on its own. Runs the script on small fake dist/ folders: under the budget it
// passes, over it fails.
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

const bytes = (length) => Buffer.from(Array.from({ length }, (_, i) => (i * 7919) % 251));

/** What each page of the fake dist/ fetches. */
const APP = ["index.html", "loader-1.js", "app-1.js", "app-1_bg.wasm", "style-1.css", "app.webmanifest"];
const WIDGET = ["embed.html", "embed.js", "api.js", "widget-1.js", "widget-1_bg.wasm", "style-1.css"];

/**
 * A fake dist/: index.html naming a loader, which names the app's glue and wasm (and, as
 * the real one does, the widget's page); embed.html naming a script, which names the API,
 * which names the widget's glue and wasm.
 */
function fakeDist() {
  const dir = mkdtempSync(join(tmpdir(), "hookcheck-size-"));
  dirs.push(dir);
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><script type="module" src="/loader-1.js"></script><link rel="stylesheet" href="/style-1.css">' +
      '<link rel="manifest" href="/app.webmanifest"><link rel="apple-touch-icon" href="/touch.png">' +
      "<!-- a comment naming api.js fetches nothing -->",
  );
  // Install-time icons: the manifest counts, what it names and the touch icon do not.
  writeFileSync(join(dir, "app.webmanifest"), '{"icons": [{"src": "big.png"}]}');
  writeFileSync(join(dir, "big.png"), "p".repeat(50_000));
  writeFileSync(join(dir, "touch.png"), "t".repeat(50_000));
  writeFileSync(
    join(dir, "loader-1.js"),
    "if (location.search) location.replace('embed.html');\n" +
      "import init from '/app-1.js'; await init({ module_or_path: '/app-1_bg.wasm' });\n",
  );
  writeFileSync(join(dir, "app-1.js"), "export default async function init() {}\n".repeat(20));
  writeFileSync(join(dir, "app-1_bg.wasm"), bytes(4000));
  writeFileSync(join(dir, "style-1.css"), "body { margin: 0 }\n");
  writeFileSync(
    join(dir, "embed.html"),
    '<!doctype html><link rel="stylesheet" href="/style-1.css"><script type="module" src="/embed.js"></script>',
  );
  writeFileSync(join(dir, "embed.js"), 'import { load } from "./api.js"; await load();\n');
  writeFileSync(join(dir, "api.js"), 'const GLUE = "./widget-1.js"; const WASM = "./widget-1_bg.wasm";\n');
  writeFileSync(join(dir, "widget-1.js"), "export default async function init() {}\n".repeat(10));
  writeFileSync(join(dir, "widget-1_bg.wasm"), bytes(3000));
  // Named by no page: reported apart, not counted.
  writeFileSync(join(dir, "example.html"), "x".repeat(100_000));
  return dir;
}

const size = (...args) =>
  spawnSync(process.execPath, [join(root, "scripts/size"), ...args], { encoding: "utf8" });

const gzipTotal = (dir, names) =>
  names.reduce((sum, name) => sum + gzipSync(readFileSync(join(dir, name)), { level: 9 }).length, 0);

/** scripts/size's --json report of `dir` with `budget`. */
function report(dir, budget) {
  const json = `${dir}.json`;
  dirs.push(json);
  const run = size("--dist", dir, "--budget", String(budget), "--json", json);
  return { run, json: JSON.parse(readFileSync(json, "utf8")) };
}

test("under the budget the script passes and reports every file each page fetches", () => {
  const dir = fakeDist();
  const { run, json } = report(dir, 1_000_000);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    json.pages.map((p) => [p.page, p.files.map((f) => f.file).sort()]),
    [
      ["index.html", [...APP].sort()],
      ["embed.html", [...WIDGET].sort()],
    ],
  );
  for (const file of new Set([...APP, ...WIDGET])) {
    assert.match(run.stdout, new RegExp(`\\| ${file.replace(".", "\\.")} \\|`));
  }
  assert.match(run.stdout, /The app's page: .*index\.html/);
  assert.match(run.stdout, /The widget's page: .*embed\.html/);
  assert.match(run.stdout, /Fetched by neither page: big\.png, example\.html, touch\.png/);
  assert.deepEqual(json.notFetched, ["big.png", "example.html", "touch.png"]);
  assert.equal(run.stdout.match(/Within budget/g).length, 2);
});

test("a page that names another page (a redirect, a link) does not count it or what it fetches", () => {
  const { json } = report(fakeDist(), 1_000_000);
  const app = json.pages.find((p) => p.page === "index.html").files.map((f) => f.file);
  for (const file of ["embed.html", "embed.js", "api.js", "widget-1_bg.wasm"]) assert.ok(!app.includes(file), file);
});

test("each page is held to the budget on its own, and the gzip total is what counts", () => {
  const dir = fakeDist();
  const app = gzipTotal(dir, APP);
  const widget = gzipTotal(dir, WIDGET);
  assert.ok(app > widget);
  const { json } = report(dir, app);
  assert.deepEqual(json.pages.map((p) => p.total.gzip), [app, widget]);
  // Together they are over the budget; each alone is within it.
  assert.equal(size("--dist", dir, "--budget", String(app)).status, 0);
  assert.equal(size("--dist", dir, "--budget", String(app - 1)).status, 1);
});

test("a page over the budget fails, and the message names the page and by how much", () => {
  const dir = fakeDist();
  const app = gzipTotal(dir, APP);
  const run = size("--dist", dir, "--budget", String(app - 10));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /OVER BUDGET: the app's page \(index\.html\): .* by 10 B/);
  assert.doesNotMatch(run.stderr, /widget's page/);
});

test("a wasm module that no page fetches fails the check: no budget would count it", () => {
  const dir = fakeDist();
  writeFileSync(join(dir, "extra_bg.wasm"), bytes(9_000));
  const run = size("--dist", dir, "--budget", "1000000");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /extra_bg\.wasm is fetched by no page/);
});

test("a missing dist/, a missing page or a bad argument is a usage error, not a pass", () => {
  assert.equal(size("--dist", join(tmpdir(), "hookcheck-no-such-dist")).status, 2);
  assert.equal(size("--budget", "lots").status, 2);
  const dir = fakeDist();
  rmSync(join(dir, "embed.html"));
  const run = size("--dist", dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /embed\.html not found/);
});
