// Shared pieces of the end-to-end tests: a static server for the built app, a
// `hookcheck receive` child, and headless Chromium driven by playwright-core.
// Every server listens on 127.0.0.1 with a free port and is stopped by the test.
import { after, before } from "node:test";
import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// HOOKCHECK_DIST and HOOKCHECK_BIN let parallel work trees test their own builds.
export const dist = process.env.HOOKCHECK_DIST ?? join(root, "dist");
export const artifacts = join(root, "tests/e2e/artifacts");
const { chromium } = require(join(root, "tools/node_modules/playwright-core"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. Returns { url, origin, requested (the path of
 * every request, in order), close }.
 */
export async function serveStatic(dir = dist) {
  if (!existsSync(join(dir, "index.html")) && dir === dist) {
    throw new Error("dist/ is not built: run `scripts/build` first (scripts/test does)");
  }
  const requested = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requested.push(path);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}/`,
    requested,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
export async function unusedPort() {
  const probe = createTcpServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/**
 * Starts the CLI's server `command` (`receive` or `relay`) with `--port 0 ...args`, and waits
 * for its first line, `hookcheck COMMAND: listening on http://127.0.0.1:PORT/`. Returns
 * { url, port, lines (what it printed after), close }.
 */
async function startServer(command, args) {
  const binary = process.env.HOOKCHECK_BIN ?? join(root, "target/release/hookcheck");
  if (!existsSync(binary)) throw new Error("target/release/hookcheck is not built (scripts/test builds it)");
  const child = spawn(binary, [command, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((ok, fail) => {
    lines.once("line", ok);
    child.once("exit", (code) => fail(new Error(`hookcheck ${command} exited with ${code}`)));
  });
  const match = first.match(/listening on (http:\/\/127\.0\.0\.1:(\d+)\/)/);
  if (!match) throw new Error(`unexpected first line from hookcheck ${command}: ${first}`);
  const printed = [];
  lines.on("line", (line) => printed.push(line));
  return {
    url: match[1],
    port: Number(match[2]),
    lines: printed,
    close: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once("exit", ok);
      child.kill("SIGINT");
    }),
  };
}

/** Starts `hookcheck receive --port 0 ...args`. Returns { url, requests(), clear(), close }. */
export async function startReceiver(args = []) {
  const server = await startServer("receive", ["--quiet", ...args]);
  const { url } = server;
  return {
    url,
    requests: async () => (await fetch(`${url}_requests`)).json(),
    preflights: async () => (await fetch(`${url}_preflights`)).json(),
    clear: async () => fetch(`${url}_requests`, { method: "DELETE" }),
    close: server.close,
  };
}

/**
 * Starts `hookcheck relay --port 0 ...args` (give it `--token`, and `--app` for the served
 * app). Returns { port, lines (its log after the first line), close }.
 */
export async function startRelay(args = []) {
  return startServer("relay", args);
}

/** Headless Debian Chromium with the flags that keep it off the network. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), "hookcheck-e2e-"));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
    viewport: { width: 1280, height: 900 },
  });
}

/**
 * For a test file: the built app served and a headless Chromium launched before its tests,
 * both stopped after them, with `permissions` (such as "clipboard-read") granted to the
 * app's origin. `server` and `browser` are set once `before` has run. (Node 20 runs a file's
 * `before` hooks concurrently, so set-up that needs the browser goes here, not in another
 * hook.)
 */
export function appInBrowser({ permissions = [] } = {}) {
  const session = {
    server: null,
    browser: null,
    /** A page at `url` (the app by default) as a first-time visitor sees it: nothing remembered. */
    async freshPage(url = session.server.url) {
      const page = await session.browser.newPage();
      // The pages of a file share one browser profile. Storage is cleared from a file of the
      // app's origin that runs no app: an app page would still be booting, and could write
      // back what it loaded after the clear.
      await page.goto(`${session.server.url}manifest.webmanifest`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(url);
      await page.getByTestId("validity").waitFor();
      return page;
    },
  };
  before(async () => {
    session.server = await serveStatic();
    session.browser = await launchBrowser();
    if (permissions.length > 0) {
      await session.browser.grantPermissions(permissions, { origin: session.server.origin });
    }
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * Notes in `window.__hookcheckFirstInput` when the input first exists on `page`
 * (`performance.now()`, which counts from navigation start): the first interactive render.
 */
export function noteFirstInput(page) {
  return page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="input"]')) {
        window.__hookcheckFirstInput ??= performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
}

/** Replaces the input's text the way a person does (select all, type). */
export async function typeInto(page, text) {
  const input = page.getByTestId("input");
  await input.click();
  await input.press("Control+A");
  await input.press("Delete");
  await input.fill(text);
}

/** Saves a screenshot under tests/e2e/artifacts and returns its path. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/**
 * Every piece of visible text whose contrast with what is behind it is under WCAG AA (4.5:1,
 * or 3:1 for large text), as the browser computed the colours: the text colour and every
 * ancestor's background, composited. Text made transparent on purpose (the editor's textarea
 * over its coloured copy) and disabled controls are left out, as WCAG leaves them out; the
 * coloured copy itself is checked, token by token.
 * Measured once transitions have finished. Returns how many texts it checked and the
 * failures, each as `tag.classes "text": ratio`.
 */
export function lowContrastText(page) {
  return page.evaluate(async () => {
    // Colours as they settle: buttons fade between themes.
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    const rgba = (css) => {
      const [r, g, b, a = 1] = css.match(/[\d.]+/g).map(Number);
      return [r, g, b, a];
    };
    const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const luminance = (rgb) => {
      const [r, g, b] = rgb.slice(0, 3).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const behind = (element) => {
      const chain = [];
      for (let e = element; e; e = e.parentElement) chain.unshift(e);
      return chain.reduce((below, e) => over(rgba(getComputedStyle(e).backgroundColor), below), [255, 255, 255, 1]);
    };
    const hasOwnText = (e) =>
      [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "") ||
      (/^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName) && e.value);
    const failures = [];
    let checked = 0;
    for (const e of document.body.querySelectorAll("*")) {
      // The editor's overlay is hidden from screen readers (the textarea is what they read),
      // but it is the text people see: its coloured tokens are checked.
      const hidden = e.closest("[aria-hidden=true]") && !e.closest(".overlay");
      if (!hasOwnText(e) || e.disabled || hidden) continue;
      const style = getComputedStyle(e);
      const rect = e.getBoundingClientRect();
      if (style.visibility !== "visible" || rect.width === 0 || rect.height === 0) continue;
      const color = rgba(style.color);
      if (color[3] === 0) continue;
      checked += 1;
      const background = behind(e);
      const [light, dark] = [luminance(over(color, background)), luminance(background)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        const text = (e.value || e.textContent).trim().slice(0, 40);
        failures.push(`${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${text}": ${ratio.toFixed(2)}:1`);
      }
    }
    return { checked, failures };
  });
}

/** Asserts that every visible text of the page is readable (WCAG AA) in both themes. */
export async function assertReadable(page, what) {
  const failures = [];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const audit = await lowContrastText(page);
    failures.push(...audit.failures.map((f) => `${what}, ${scheme}: ${f}`));
  }
  await page.emulateMedia({ colorScheme: null });
  if (failures.length > 0) throw new Error(`text under WCAG AA contrast:\n${failures.join("\n")}`);
}
