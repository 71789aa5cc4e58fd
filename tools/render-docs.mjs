// Trunk post-build hook: renders the rule catalog (docs/rules.md), the destinations page
// (docs/destinations.md) and the page of testRTC's facts they cite (docs/testrtc.md) into the
// build as rules.html, destinations.html and testrtc.html, so that a diagnostic's code links to
// its rule (`rules.html#json-trailing-comma`), also offline (the service worker caches these
// pages with either page, the app's or the widget's).
//
// Markdown is rendered by marked. Each heading gets an id: a heading that is one code span,
// as every rule's is (### `json-trailing-comma`), gets the code itself; others a slug of
// their text, as GitHub makes them. Links between these pages point at the rendered pages.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("render-docs: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}

const PAGES = ["rules", "destinations", "testrtc"];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

const marked = new Marked({
  renderer: {
    heading({ tokens, depth, text }) {
      const code = tokens.length === 1 && tokens[0].type === "codespan" ? tokens[0].text : null;
      const id = code ?? slug(text);
      return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    link({ href, title, tokens }) {
      const page = href.match(/^([a-z-]+)\.md(#.*)?$/);
      const target = page && PAGES.includes(page[1]) ? `${page[1]}.html${page[2] ?? ""}` : href;
      const titled = title ? ` title="${title}"` : "";
      return `<a href="${target}"${titled}>${this.parser.parseInline(tokens)}</a>`;
    },
  },
});

const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { padding: 0.75rem; overflow-x: auto; border: 1px solid #8886; border-radius: 4px; }
h3 { margin-top: 2.5rem; }
:target { outline: 2px solid #3b82f6; outline-offset: 4px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #8886; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
`;

for (const page of PAGES) {
  const markdown = readFileSync(new URL(`../docs/${page}.md`, import.meta.url), "utf8");
  const title = markdown.match(/^# (.*)$/m)?.[1] ?? page;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<p><a href="./">hookcheck</a></p>
${marked.parse(markdown)}
</body>
</html>
`;
  writeFileSync(join(dir, `${page}.html`), html);
}
console.log(`render-docs: ${PAGES.map((p) => `${p}.html`).join(", ")}`);
