// The README's `cargo run` commands work as written (its console examples are run by
// crates/cli/tests/readme.rs; `scripts/serve` by serve.test.mjs; `scripts/test` is CI itself).
// Each `cargo run …` line of a ```sh block runs from the repository root: the servers,
// `receive` and `relay`, must start listening (on a free port: `--port 0` is added, the only
// change), any other command must end as the CLI documents (0 valid, 1 invalid), never with a
// usage error (2) or cargo's own failure.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { root } from "./harness.mjs";

function cargoRunLines() {
  const lines = [];
  let inShell = false;
  for (const line of readFileSync(join(root, "README.md"), "utf8").split("\n")) {
    if (line.startsWith("```")) {
      inShell = !inShell && line === "```sh";
      continue;
    }
    if (inShell && line.startsWith("cargo run")) lines.push(line.replace(/\s+#.*$/, ""));
  }
  return lines;
}

const commands = cargoRunLines();

test("the README has cargo run commands to test", () => {
  assert.ok(commands.some((c) => / -- receive\b/.test(c)), commands.join("\n"));
  assert.ok(commands.some((c) => / -- check\b/.test(c)), commands.join("\n"));
});

for (const command of commands) {
  test(`README: ${command}`, { timeout: 300_000 }, async () => {
    const server = / -- (receive|relay)\b/.test(command);
    const child = spawn("sh", ["-c", server ? `${command} --port 0` : command], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    const ended = new Promise((ok) => child.on("exit", (code) => ok(code)));
    if (server) {
      const listening = await Promise.race([
        new Promise((ok) => {
          const poll = setInterval(() => {
            if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(out)) {
              clearInterval(poll);
              ok(true);
            }
          }, 50);
          ended.then(() => clearInterval(poll));
        }),
        ended.then(() => false),
      ]);
      process.kill(-child.pid, "SIGINT");
      await ended;
      assert.ok(listening, `no "listening on" line\nstdout: ${out}\nstderr: ${err}`);
    } else {
      const code = await ended;
      assert.ok(code === 0 || code === 1, `exit ${code}\nstdout: ${out}\nstderr: ${err}`);
    }
  });
}
