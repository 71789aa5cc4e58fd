// The README's first command: `scripts/serve` builds the app (a debug build, both wasm
// modules) and serves it, and the app's page, the widget's page and the embedding example
// work. Served on a free port (HOOKCHECK_PORT) into a folder of its own, so
// the release build in dist/ that the other tests use stays as it is.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { launchBrowser, root, typeInto, unusedPort } from "./harness.mjs";

// A first debug build takes a few minutes on two cores. The test gives up on its own before
// node's timeout would stop it: a timed-out test never reaches its `finally`, and the server
// and browser left running keep the whole end-to-end run from ending.
const BUILD_MINUTES = 9;

test("scripts/serve builds the app and serves it, working: the app, the widget and the embed example", { timeout: (BUILD_MINUTES + 1) * 60_000 }, async () => {
  const port = await unusedPort();
  const dist = mkdtempSync(join(tmpdir(), "hookcheck-serve-"));
  const child = spawn(join(root, "scripts/serve"), ["--dist", dist], {
    cwd: root,
    env: { ...process.env, HOOKCHECK_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const built = new Promise((ok, fail) => {
    const watch = (chunk) => {
      log += chunk;
      // Trunk marks the line with ✅ only under a UTF-8 locale; without one it is "INFO success".
      if (/(?:✅|INFO) success\b/.test(log)) ok();
      if (/ERROR/.test(log)) fail(new Error(`scripts/serve failed:\n${log.slice(-3000)}`));
    };
    child.stdout.on("data", watch);
    child.stderr.on("data", watch);
    child.once("exit", (code) => fail(new Error(`scripts/serve exited with ${code}:\n${log.slice(-3000)}`)));
    delay(BUILD_MINUTES * 60_000, undefined, { ref: false }).then(() =>
      fail(new Error(`scripts/serve did not finish in ${BUILD_MINUTES} minutes:\n${log.slice(-3000)}`)),
    );
  });
  const browser = await launchBrowser();
  try {
    await built;
    assert.match(log, new RegExp(`serving on http://127\\.0\\.0\\.1:${port}`));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await typeInto(page, "https://example.com/hook");
    await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
    await page.getByTestId("send").waitFor();

    await page.goto(`http://127.0.0.1:${port}/embed.html`);
    await typeInto(page, "https://example.com/hook");
    await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
    await page.getByTestId("open-in-app").waitFor();

    // The example page: the JS API gates its Save button, its widget checks the page's field.
    await page.goto(`http://127.0.0.1:${port}/embed-example.html`);
    await page.getByTestId("api-status").filter({ hasText: /^Valid/ }).waitFor();
    await page.getByTestId("widget-status").filter({ hasText: "Invalid: 1 error" }).waitFor();
  } finally {
    await browser.close();
    try {
      process.kill(-child.pid, "SIGINT");
    } catch {}
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once("exit", ok)));
    rmSync(dist, { recursive: true, force: true });
  }
});
