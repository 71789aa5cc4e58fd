// File names with a content hash, as the release build's hooks write them, and the
// `integrity` of a file a hook rewrote.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The first 16 hex digits of the SHA-256 of `bytes`: what the hooks name a file by. */
export const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * Rewrites the `integrity="sha384-…"` that Trunk wrote (quoted, or bare when it minified the
 * HTML) on `file`'s `<link>` in `dir/index.html` to the hash of its new `bytes`: a stale one
 * makes the browser refuse the file. Returns false only when the page preloads `file` with
 * an integrity that could not be rewritten; a page that does not preload it, or a build with
 * `--no-sri`, needs nothing.
 */
export function rewriteIntegrity(dir, file, bytes) {
  const page = join(dir, "index.html");
  const html = readFileSync(page, "utf8");
  const link = new RegExp(`<link\\b[^>]*\\bhref="?/?${file.replace(/[.]/g, "\\.")}"?[^>]*>`);
  const tag = html.match(link);
  if (!tag || !/\bintegrity=/.test(tag[0])) return true;
  const sri = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const updated = tag[0].replace(/\bintegrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri}$1`);
  if (updated === tag[0]) return false;
  writeFileSync(page, html.replace(tag[0], updated));
  return true;
}
