#!/usr/bin/env node
// What each crate costs in the app's wasm: code bytes per crate, the data section, and each
// part's gzip size on its own.
//
//   node tools/wasm-breakdown.mjs [WASM] [--top N]
//
// WASM defaults to the release build's cargo output
// (target/wasm32-unknown-unknown/release/hookcheck-web.wasm, built by scripts/build). It is
// first put through `wasm-bindgen --keep-debug` (on PATH, as scripts/setup installs it), which
// drops wasm-bindgen's describe shims as the real build does and keeps the function names.
// The figures are before wasm-opt, which shrinks every part roughly alike.
//
// A function belongs to the crate of its first path segment; a trait impl `<T as Trait>::f`
// to the crate of T. Code that yew monomorphizes for the app's own components (a yew
// function whose name mentions hookcheck_web) is its own row, since it grows with every
// component. --top N also lists the N largest functions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { leb } from "./leb128.mjs";

const root = resolve(import.meta.dirname, "..");

function usage(message) {
  if (message) console.error(`wasm-breakdown: ${message}`);
  console.error("usage: node tools/wasm-breakdown.mjs [WASM] [--top N]");
  process.exit(2);
}

function name(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/** The functions (index, body bytes), the data section and the function names of a module. */
export function parseModule(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = Buffer.alloc(0);
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id === 2) {
      // Imports: count the imported functions, whose indices come first.
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        [, p] = name(bytes, p);
        [, p] = name(bytes, p);
        const kind = bytes[p++];
        if (kind === 0) {
          imported++;
          [, p] = leb(bytes, p);
        } else if (kind === 1) {
          p += 1; // reftype
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) {
          p += 2; // valtype, mutability
        } else if (kind === 4) {
          p += 1;
          [, p] = leb(bytes, p);
        } else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, body] = leb(bytes, p);
        bodies.push({ index: imported + i, bytes: bytes.subarray(p, body + length) });
        p = body + length;
      }
    } else if (id === 11) {
      data = bytes.subarray(start, end);
    } else if (id === 0) {
      const [section, p0] = name(bytes, start);
      if (section === "name") {
        let p = p0;
        while (p < end) {
          const kind = bytes[p];
          const [length, sub] = leb(bytes, p + 1);
          if (kind === 1) {
            let [count, q] = leb(bytes, sub);
            for (let i = 0; i < count; i++) {
              let index;
              let text;
              [index, q] = leb(bytes, q);
              [text, q] = name(bytes, q);
              names.set(index, text);
            }
          }
          p = sub + length;
        }
      }
    }
    at = end;
  }
  return { bodies, names, data };
}

/** The crate a function's code belongs to (see the header). */
export function owner(fn) {
  const crates = [...fn.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]::/g)].map((m) => m[1]);
  const plain = fn.match(/^<?([A-Za-z_][A-Za-z0-9_]*)::/)?.[1];
  const first = crates[0] ?? plain;
  if (!first) return "(unnamed: glue, intrinsics)";
  if (first === "yew" && /hookcheck_web/.test(fn)) return "yew, for the app's components";
  if (["core", "alloc", "std", "compiler_builtins"].includes(first)) return "Rust std (core, alloc, std)";
  return first;
}

function main() {
  const args = process.argv.slice(2);
  let input = join(root, "target/wasm32-unknown-unknown/release/hookcheck-web.wasm");
  let top = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--top") top = Number(args[++i] ?? usage("--top needs a number"));
    else if (args[i] === "-h" || args[i] === "--help") usage();
    else if (args[i].startsWith("-")) usage(`unknown argument ${args[i]}`);
    else input = resolve(args[i]);
  }
  const out = mkdtempSync(join(tmpdir(), "hookcheck-breakdown-"));
  try {
    const run = spawnSync(
      "wasm-bindgen",
      ["--target", "web", "--no-typescript", "--keep-debug", "--out-dir", out, "--out-name", "module", input],
      { encoding: "utf8" },
    );
    if (run.error || run.status !== 0) {
      console.error(`wasm-breakdown: wasm-bindgen failed on ${input} (build it with scripts/build first)`);
      console.error(run.error?.message ?? run.stderr);
      process.exit(2);
    }
    report(parseModule(readFileSync(join(out, "module_bg.wasm"))), top);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function report({ bodies, names, data }, top) {
  const groups = new Map();
  const add = (key, bytes) => {
    const group = groups.get(key) ?? { key, parts: [], raw: 0 };
    group.parts.push(bytes);
    group.raw += bytes.length;
    groups.set(key, group);
  };
  for (const body of bodies) add(owner(names.get(body.index) ?? ""), body.bytes);
  add("data section (strings, tables)", data);
  const rows = [...groups.values()]
    .map((g) => ({ ...g, gzip: gzipSync(Buffer.concat(g.parts), { level: 9 }).length }))
    .sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((sum, r) => sum + r.raw, 0);
  console.log("| part | code or data, bytes | share | gzip on its own |");
  console.log("|---|---:|---:|---:|");
  for (const r of rows.filter((r) => r.raw / total >= 0.005)) {
    console.log(`| ${r.key} | ${r.raw} | ${((100 * r.raw) / total).toFixed(1)}% | ${r.gzip} |`);
  }
  const small = rows.filter((r) => r.raw / total < 0.005);
  const smallRaw = small.reduce((sum, r) => sum + r.raw, 0);
  if (small.length) {
    console.log(`| ${small.length} smaller parts | ${smallRaw} | ${((100 * smallRaw) / total).toFixed(1)}% | |`);
  }
  console.log(`| **total** | **${total}** | 100% | |`);
  if (top > 0) {
    console.log(`\nThe ${top} largest functions:\n`);
    const largest = bodies
      .map((b) => ({ size: b.bytes.length, fn: (names.get(b.index) ?? `#${b.index}`).replace(/\[[0-9a-f]+\]/g, "") }))
      .sort((a, b) => b.size - a.size)
      .slice(0, top);
    for (const { size, fn } of largest) console.log(`${String(size).padStart(7)}  ${fn}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
