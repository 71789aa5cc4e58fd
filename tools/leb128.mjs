// Unsigned LEB128, the variable-length integers of the WebAssembly binary format: read by
// tools/wasm-breakdown.mjs and tools/minify-imports.mjs, written by the latter.

/** Reads unsigned LEB128 at `at` of `bytes`; returns [value, next offset]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** `value` as unsigned LEB128 bytes. */
export function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}
