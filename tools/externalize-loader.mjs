// Trunk post-build hook: move Trunk's inline loader <script> into loader-<hash>.js so the
// page's Content-Security-Policy can forbid inline script.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentHash } from "./hashed-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const page = join(dir, "index.html");
const html = readFileSync(page, "utf8");
// Trunk's release build minifies the HTML, which may drop the attribute's quotes.
const inline = /<script type="?module"?(?: nonce="?[^" >]*"?)?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error("externalize-loader: no inline module script found in index.html");
  process.exit(1);
}
const code = match[1].trim() + "\n";
const name = `loader-${contentHash(code)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(page, html.replace(inline, `<script type="module" src="/${name}"></script>`));
