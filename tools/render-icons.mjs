// Renders the PWA's PNG icons from static/icons/icon.svg with headless Chromium:
//   node tools/render-icons.mjs
// The PNGs are committed; run this again only when the SVG changes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { chromium } = require(join(root, "tools/node_modules/playwright-core"));
const icons = join(root, "static/icons");
const svg = readFileSync(join(icons, "icon.svg"), "utf8");
// Maskable icons are cropped to a circle by the platform: fill the square, no corners
// (the drawing already keeps inside the central 80% safe zone).
const maskable = svg.replace(/ rx="\d+"/, "");

const outputs = [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["icon-maskable-512.png", maskable, 512],
  ["apple-touch-icon.png", maskable, 180],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
for (const [name, source, size] of outputs) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.locator("svg").screenshot({ path: join(icons, name), omitBackground: true });
  console.log(`render-icons: ${name} (${size}×${size})`);
}
await browser.close();
