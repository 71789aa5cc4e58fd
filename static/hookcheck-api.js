// hookcheck's JS API for host pages: the checks and the request preview of the hookcheck
// app, without its UI (SPEC §4.2; docs/embedding.md). It loads the widget's wasm module (the
// embed widget's, much smaller than the full app's), which embed.html loads through it too.
//
//   import { load } from "https://hookcheck.example.com/hookcheck-api.js";
//   const hookcheck = await load();          // fetches and compiles the wasm once per page
//   hookcheck.validate(text)                 // {valid, mode, diagnostics: [...]}
//   hookcheck.preview(text, "failure")       // {method, url, headers: [[n, v]], body} or null
//   hookcheck.validate(text, "auto", "watchrtc")   // as a watchRTC alert's webhook
//   hookcheck.preview(text, "alert")         // the watchRTC alert's request
//
// Trunk copies this file to the root of dist/ under this stable name; the post_build hook
// tools/precache-manifest.mjs writes the content-hashed names of the widget's module below.
const GLUE = "./__HOOKCHECK_GLUE__";
const WASM = "./__HOOKCHECK_WASM__";

/** The postMessage protocol version of the widget built with this API. */
export const PROTOCOL_VERSION = 1;

// One load per page, however many times (or from however many scripts) this is imported.
const LOADED = Symbol.for("hookcheck.api");

/**
 * Loads the wasm module (once per page) and resolves to `{validate, preview}`, whose calls
 * are synchronous. Also fires a `hookcheck:ready` event on `window` with the same object
 * as `detail`, for scripts that are not modules.
 */
export function load() {
  globalThis[LOADED] ??= start().catch((error) => {
    delete globalThis[LOADED]; // let a later call retry (the network may come back)
    throw error;
  });
  return globalThis[LOADED];
}

async function start() {
  const glue = await import(new URL(GLUE, import.meta.url).href);
  // The module's start function renders nothing here: the widget renders only on a page with
  // <meta name="hookcheck" content="widget"> (embed.html).
  await glue.default({ module_or_path: new URL(WASM, import.meta.url) });
  const api = Object.freeze({
    /** validate(text, mode = "auto", product = "test") → {valid, mode, diagnostics} */
    validate: (text, mode, product) =>
      glue.validate(String(text), mode ?? undefined, product ?? undefined),
    /** preview(text, outcome = the product's first, sample, product) → {method, url, headers, body} | null */
    preview: (text, outcome, sample, product) =>
      glue.preview(String(text), outcome ?? undefined, sample ?? undefined, product ?? undefined),
  });
  globalThis.dispatchEvent?.(new CustomEvent("hookcheck:ready", { detail: api }));
  return api;
}

/** `validate` without loading first: awaits the load. */
export async function validate(text, mode, product) {
  return (await load()).validate(text, mode, product);
}

/** `preview` without loading first: awaits the load. */
export async function preview(text, outcome, sample, product) {
  return (await load()).preview(text, outcome, sample, product);
}
