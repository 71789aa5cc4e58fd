// Trunk post-build hook: replaces Trunk's inline loader <script> with loader-<hash>.js, so
// the page's Content-Security-Policy can forbid inline script.
//
// The loader is written here, from the app's JS glue and wasm that Trunk's loader names. It
// first sends the widget's old address (`/?embed=1&…`) to the widget's page (`embed.html`
// with the same query and fragment), and only otherwise loads the app's module. Whether the
// query asks for the widget is read as core's `EmbedOptions::from_query` reads `embed=` (the
// last one; `1`, `true`, `yes` or empty). The glue's and the wasm's preloads in index.html
// start as the page is parsed, before any script can run; the navigation away cancels them.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentHash } from "./hashed-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");

function fail(message) {
  console.error(`externalize-loader: ${message}`);
  process.exit(1);
}

const page = join(dir, "index.html");
const html = readFileSync(page, "utf8");
// Trunk's release build minifies the HTML, which may drop the attribute's quotes.
const inline = /<script type="?module"?(?: nonce="?[^" >]*"?)?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) fail("no inline module script found in index.html");
// Trunk 0.21's loader: `import init, * as bindings from '/glue.js'; … init({ module_or_path: '/x_bg.wasm' })`.
const glue = match[1].match(/\bfrom '([^']+\.js)'/)?.[1];
const wasm = match[1].match(/\bmodule_or_path: '([^']+_bg\.wasm)'/)?.[1];
if (!glue || !wasm) fail(`Trunk's loader names no glue or no wasm that I know how to read:\n${match[1]}`);

// No comments in the loader itself: the app's page fetches every byte of it.
const code = `const embed = new URLSearchParams(location.search).getAll("embed").at(-1);
if (embed !== undefined && ["", "1", "true", "yes"].includes(embed)) {
  const widget = new URL("embed.html", location.href);
  widget.search = location.search;
  widget.hash = location.hash;
  location.replace(widget);
} else {
  const { default: init } = await import(${JSON.stringify(glue)});
  await init({ module_or_path: ${JSON.stringify(wasm)} });
}
`;
const name = `loader-${contentHash(code)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(page, html.replace(inline, `<script type="module" src="/${name}"></script>`));
