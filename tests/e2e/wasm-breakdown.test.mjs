// tools/wasm-breakdown.mjs: the per-crate size table in docs/performance.md. Its wasm reader
// runs on a module assembled here byte by byte, and its attribution on real names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { owner, parseModule } from "../../tools/wasm-breakdown.mjs";

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];

/** One imported function (index 0), two defined ones (1 and 2), a data segment, names. */
function module() {
  const type = section(1, [1, 0x60, 0, 0]); // one type: () -> ()
  const imports = section(2, [1, ...str("env"), ...str("f"), 0, 0]);
  const functions = section(3, [2, 0, 0]);
  const small = [0, 0x0b]; // no locals, end
  const big = [0, ...Array(300).fill(0x01), 0x0b]; // 300 nops: a body whose size needs two LEB bytes
  const code = section(10, [2, ...leb(small.length), ...small, ...leb(big.length), ...big]);
  const data = section(11, [1, 0, 0x41, 0, 0x0b, ...str("hello, data")]);
  const entries = [3, ...leb(0), ...str("env_f"), ...leb(1), ...str("a[0123456789abcdef]::x"), ...leb(2), ...str("b::y")];
  const nameSub = [1, ...leb(entries.length), ...entries];
  const custom = section(0, [...str("name"), ...nameSub]);
  return Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...functions, ...code, ...data, ...custom]);
}

test("the reader finds every function body under its index after the imports, the data, the names", () => {
  const { bodies, names, data } = parseModule(module());
  assert.deepEqual(
    bodies.map((b) => [b.index, b.bytes.length]),
    [
      [1, 3],
      [2, 304], // a body of 302 bytes, counted with its two-byte size prefix
    ],
  );
  assert.equal(names.get(0), "env_f");
  assert.equal(names.get(1), "a[0123456789abcdef]::x");
  assert.equal(names.get(2), "b::y");
  assert.ok(data.includes(Buffer.from("hello, data")));
});

test("a non-wasm file is refused", () => {
  assert.throws(() => parseModule(Buffer.from("not wasm at all")), /not a wasm module/);
});

test("code belongs to its crate, a trait impl to its type's crate, the app's yew code apart", () => {
  assert.equal(owner("hookcheck_core[8217bfdacc7a10c0]::config::check_object_with"), "hookcheck_core");
  assert.equal(
    owner("<hookcheck_web[a52e]::components::preview::Preview as yew[cd42]::functional::FunctionProvider>::run"),
    "hookcheck_web",
  );
  assert.equal(
    owner("<yew[cd42]::html::component::lifecycle::CompStateInner<hookcheck_web[a52e]::components::editor::Editor> as yew[cd42]::html::component::lifecycle::Stateful>::view"),
    "yew, for the app's components",
  );
  assert.equal(owner("<yew[cd42]::virtual_dom::vnode::VNode as yew[cd42]::dom_bundle::traits::Reconcilable>::reconcile"), "yew");
  assert.equal(owner("alloc[7a32]::raw_vec::finish_grow"), "Rust std (core, alloc, std)");
  assert.equal(owner("__wbindgen_malloc"), "(unnamed: glue, intrinsics)");
});
