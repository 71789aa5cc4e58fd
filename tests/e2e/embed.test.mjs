// Embedding (SPEC §4.2): the iframe widget (embed.html) and its postMessage protocol across
// origins, the widget's URL options and its old address (/?embed=1), and the JS API gating a
// Save button on the example page.
//
// Three 127.0.0.1 servers, so three origins: the app (the widget), a host page that embeds
// it and is on the widget's allow-list, and a "rogue" page that is not.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser, serveStatic } from "./harness.mjs";

// ---- Fixture pages (no inline script, like real hosts with a strict CSP) ----

const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; frame-src *">
<script type="module" src="host.js"></script></head>
<body><iframe id="widget" title="hookcheck"></iframe>
<iframe id="rogue" title="another site"></iframe></body></html>`;

// The host: embeds the widget, records what it posts, resizes the frame to its height.
const HOST_JS = `
const params = new URLSearchParams(location.search);
const widgetUrl = new URL(params.get("widget"));
const frame = document.getElementById("widget");
frame.style.width = "100%";
frame.style.border = "0";
window.received = [];
window.rogueSent = false;
addEventListener("message", (event) => {
  if (event.origin === widgetUrl.origin && event.source === frame.contentWindow) {
    received.push(event.data);
    if (event.data?.type === "hookcheck:height") frame.style.height = event.data.height + "px";
  } else if (event.data === "rogue-sent") {
    rogueSent = true;
  }
});
window.setWidget = (message) => frame.contentWindow.postMessage(message, widgetUrl.origin);
window.attack = () => document.getElementById("rogue").contentWindow.postMessage("attack", "*");
frame.src = widgetUrl.href;
if (params.get("rogue")) document.getElementById("rogue").src = params.get("rogue");
`;

const ROGUE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rogue</title>
<script type="module" src="rogue.js"></script></head>
<body><iframe id="own" title="hookcheck, embedded without permission"></iframe></body></html>`;

// Another site: sets text in the host's widget, and embeds a widget that allows only the
// host, recording anything that widget posts to it.
const ROGUE_JS = `
const params = new URLSearchParams(location.search);
window.received = [];
addEventListener("message", (event) => {
  if (event.data === "attack") {
    parent.frames[0].postMessage({ type: "hookcheck:set", version: 1, text: "not a url at all" }, "*");
    parent.postMessage("rogue-sent", "*");
  } else {
    received.push(event.data);
  }
});
document.getElementById("own").src = params.get("widget");
`;

function fixtures(files) {
  const dir = mkdtempSync(join(tmpdir(), "hookcheck-host-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>fixtures</title>");
  return dir;
}

let app;
let host;
let rogue;
let browser;
before(async () => {
  app = await serveStatic();
  host = await serveStatic(fixtures({ "host.html": HOST_HTML, "host.js": HOST_JS }));
  rogue = await serveStatic(fixtures({ "rogue.html": ROGUE_HTML, "rogue.js": ROGUE_JS }));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([app, host, rogue].map((server) => server?.close()));
});

function widgetUrl(query) {
  return `${app.url}embed.html?${new URLSearchParams(query)}`;
}

/** Opens the host page with the widget allowing the host's origin. */
async function openHost({ rogueWidgetOrigin } = {}) {
  const page = await browser.newPage();
  const query = { widget: widgetUrl({ origin: host.origin }) };
  if (rogueWidgetOrigin) {
    query.rogue = `${rogue.url}rogue.html?${new URLSearchParams({
      widget: widgetUrl({ origin: rogueWidgetOrigin }),
    })}`;
  }
  await page.goto(`${host.url}host.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => received.some((m) => m.type === "hookcheck:ready"));
  return page;
}

const received = (page) => page.evaluate(() => received);
const widget = (page) => page.frameLocator("#widget");

/** Waits for the host to have received a message matching `expected` (a subset). */
function waitForMessage(page, expected) {
  return page.waitForFunction(
    (expected) =>
      received.some((m) => Object.entries(expected).every(([k, v]) => m?.[k] === v)),
    expected,
  );
}

test("text set by the host reaches the widget, which answers with results and its height", async () => {
  const page = await openHost();
  const text = '{"url": "https://example.com/hook",}';
  await page.evaluate(
    (text) => setWidget({ type: "hookcheck:set", version: 1, text, outcome: "failure" }),
    text,
  );
  await widget(page).getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
  assert.equal(await widget(page).getByTestId("input").inputValue(), text);
  await waitForMessage(page, { type: "hookcheck:result", valid: false, errors: 1 });

  await page.evaluate(() =>
    setWidget({ type: "hookcheck:set", version: 1, text: "https://example.com/hook" }),
  );
  await waitForMessage(page, { type: "hookcheck:result", valid: true, errors: 0 });
  // The outcome set with the first message still holds.
  assert.match(await widget(page).getByTestId("preview-body").textContent(), /"status":"failure"/);

  const messages = await received(page);
  assert.equal(messages.filter((m) => m.type === "hookcheck:ready").length, 1);
  for (const message of messages) assert.equal(message.version, 1);
  const result = messages.findLast((m) => m.type === "hookcheck:result");
  assert.deepEqual(result, {
    type: "hookcheck:result",
    version: 1,
    valid: true,
    errors: 0,
    warnings: 0,
    mode: "webhook",
    arrives: null,
  });
  // Counts only: nothing from the text ever leaves the widget.
  assert.doesNotMatch(JSON.stringify(messages), /example\.com/);

  // The height: posted, positive, and the host's frame fits the content. A height follows
  // layout, so it may arrive after the result: give the last one up to 5 s to come.
  const lastHeight = async () => (await received(page)).findLast((m) => m.type === "hookcheck:height").height;
  const frameHeight = () => page.locator("#widget").evaluate((f) => f.clientHeight);
  const contentHeight = async () =>
    Math.ceil(await widget(page).getByTestId("embed").evaluate((e) => e.getBoundingClientRect().height));
  const settled = async () => {
    const height = await lastHeight();
    return height === (await contentHeight()) && height === (await frameHeight());
  };
  for (let waited = 0; waited < 5000 && !(await settled()); waited += 100) await page.waitForTimeout(100);
  const height = await lastHeight();
  assert.ok(Number.isInteger(height) && height > 100, `height ${height}`);
  assert.equal(await frameHeight(), height);
  assert.equal(height, await contentHeight());
  await page.close();
});

test("the height is posted again when the content grows", async () => {
  const page = await openHost();
  const before = (await received(page)).findLast((m) => m.type === "hookcheck:height").height;
  // Many diagnostics make the list, and so the widget, taller.
  await page.evaluate(() =>
    setWidget({
      type: "hookcheck:set",
      version: 1,
      text: "{\n // a\n 'url': `x`,\n headers: {'a': 1,},\n ...\n}",
    }),
  );
  await page.waitForFunction(
    (before) => received.some((m) => m.type === "hookcheck:height" && m.height > before),
    before,
  );
  await page.close();
});

test("a message from an origin not on the allow-list is ignored, and nothing is posted to it", async () => {
  const page = await openHost({ rogueWidgetOrigin: host.origin });
  await page.evaluate(() =>
    setWidget({ type: "hookcheck:set", version: 1, text: "https://example.com/first" }),
  );
  await waitForMessage(page, { type: "hookcheck:result", valid: true });
  await page.evaluate(() => (received.length = 0));

  // Another origin sets invalid text in the host's widget, then the host sets valid text.
  const rogueFrame = page.frameLocator("#rogue");
  await rogueFrame.frameLocator("#own").getByTestId("validity").waitFor();
  await page.evaluate(() => attack());
  await page.waitForFunction(() => rogueSent);
  await page.evaluate(() =>
    setWidget({ type: "hookcheck:set", version: 1, text: "https://example.com/second" }),
  );
  await waitForMessage(page, { type: "hookcheck:result", valid: true });
  assert.equal(await widget(page).getByTestId("input").inputValue(), "https://example.com/second");

  // Had the rogue's text been taken, the host would have been told "invalid".
  const results = (await received(page)).filter((m) => m.type === "hookcheck:result");
  assert.ok(results.length >= 1);
  assert.ok(results.every((m) => m.valid), JSON.stringify(results));

  // The widget the rogue embeds allows only the host: it posts nothing to the rogue.
  const rogueReceived = await page.frames().find((f) => f.url().startsWith(rogue.origin)).evaluate(
    () => received,
  );
  assert.deepEqual(rogueReceived.filter((m) => m?.type?.startsWith("hookcheck:")), []);
  await page.close();
});

test("a message in another protocol version is refused with a hookcheck:error", async () => {
  const page = await openHost();
  const before = await widget(page).getByTestId("input").inputValue();
  await page.evaluate(() => setWidget({ type: "hookcheck:set", version: 2, text: "x" }));
  await waitForMessage(page, { type: "hookcheck:error", error: "unsupported-version" });
  assert.equal(await widget(page).getByTestId("input").inputValue(), before);
  await page.close();
});

test("readonly, outcome and a preset text come from the widget's URL; Open in hookcheck carries them", async () => {
  const page = await browser.newPage();
  const code = Buffer.from(JSON.stringify({ v: 1, text: "https://example.com/preset" })).toString(
    "base64url",
  );
  await page.goto(`${widgetUrl({ readonly: "1", outcome: "failure" })}#s=${code}`);
  const input = page.getByTestId("input");
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await input.inputValue(), "https://example.com/preset");
  assert.equal(await input.evaluate((area) => area.readOnly), true);
  assert.equal(await page.locator("header, footer").count(), 0);
  assert.match(await page.getByTestId("preview-body").textContent(), /"status":"failure"/);

  const link = page.getByTestId("open-in-app");
  assert.equal(await link.textContent(), "Open in hookcheck");
  assert.equal(await link.getAttribute("target"), "_blank");
  const href = await link.getAttribute("href");
  assert.ok(href.startsWith(`${app.url}#s=`), href);
  const full = await browser.newPage();
  await full.goto(href);
  await full.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await full.getByTestId("input").inputValue(), "https://example.com/preset");
  assert.equal(await full.locator("header").count(), 1);
  assert.match(await full.getByTestId("preview-body").textContent(), /"status":"failure"/);
  await full.close();
  await page.close();
});

test("the widget's old address, /?embed=1, opens the widget's page with its query and fragment", async () => {
  const page = await browser.newPage();
  const code = Buffer.from(JSON.stringify({ v: 1, text: "https://example.com/old" })).toString("base64url");
  const query = new URLSearchParams({ embed: "1", outcome: "failure", origin: host.origin });
  await page.goto(`${app.url}?${query}#s=${code}`);
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(page.url(), `${app.url}embed.html?${query}#s=${code}`);
  assert.equal(await page.getByTestId("input").inputValue(), "https://example.com/old");
  assert.match(await page.getByTestId("preview-body").textContent(), /"status":"failure"/);
  assert.equal(await page.getByTestId("embed").count(), 1);
  assert.equal(await page.locator("header, footer").count(), 0);
  await page.close();
});

test("a query whose embed= is not a flag (embed=0) keeps the full app", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}?embed=0`);
  await page.getByTestId("validity").waitFor();
  assert.equal(page.url(), `${app.url}?embed=0`);
  assert.equal(await page.locator("header").count(), 1);
  assert.equal(await page.getByTestId("embed").count(), 0);
  await page.close();
});

test("on the example page the JS API gates Save, and the example widget follows the page's field", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}embed-example.html`);
  const save = page.getByTestId("save");
  await page.getByTestId("api-status").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await save.isEnabled(), true);
  // The host page gets the API only: the app is not rendered into it.
  assert.equal(await page.locator('[data-testid="input"]').count(), 0);

  await page.getByTestId("api-input").fill('{"url": "https://example.com/hook", "format": "JSON"}');
  await page.getByTestId("api-status").filter({ hasText: /line 1, column/ }).waitFor();
  assert.equal(await save.isEnabled(), false);
  await page.getByTestId("api-input").fill('{"url": "https://example.com/hook", "format": "json/text"}');
  await page.getByTestId("api-status").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await save.isEnabled(), true);
  assert.match(await page.getByTestId("api-preview").textContent(), /"username":"testRTC_bot"/);
  await save.click();
  await page.getByTestId("saved").waitFor();

  // The example's widget got the page field's text (a trailing comma) over postMessage.
  await page.getByTestId("widget-status").filter({ hasText: "Invalid: 1 error" }).waitFor();
  await page.getByTestId("host-input").fill("https://example.com/fixed");
  await page.getByTestId("widget-status").filter({ hasText: /^Valid/ }).waitFor();
  await page.close();
});

test("the JS API returns the CLI's shapes, loading the wasm once for every call", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}embed-example.html`);
  await page.getByTestId("api-status").filter({ hasText: /^Valid/ }).waitFor();
  const [checked, runOptions, preview, invalid, wasmLoads, same] = await page.evaluate(async () => {
    const api = await import("/hookcheck-api.js");
    const hookcheck = await api.load();
    const again = await api.load();
    return [
      hookcheck.validate('{"url": "https://example.com/hook",}'),
      await api.validate("#webhook:https://example.com/hook", "run-options"),
      hookcheck.preview(
        '{"url": "https://example.com/hook", "headers": {"X-Team": "blue"}}',
        "failure",
        { testName: "Checkout" },
      ),
      hookcheck.preview("not a url"),
      performance.getEntriesByType("resource").filter((e) => e.name.endsWith("_bg.wasm")).length,
      hookcheck === again,
    ];
  });
  assert.equal(checked.valid, false);
  assert.equal(checked.mode, "webhook");
  assert.deepEqual(checked.diagnostics, [
    {
      severity: "error",
      code: "json-trailing-comma",
      message: checked.diagnostics[0].message,
      help: checked.diagnostics[0].help,
      start: 34,
      end: 35,
      line: 1,
      column: 35,
      end_line: 1,
      end_column: 36,
      fix: { title: checked.diagnostics[0].fix.title, start: 34, end: 35, replacement: "" },
    },
  ]);
  assert.equal(typeof checked.diagnostics[0].message, "string");
  assert.deepEqual(runOptions, {
    valid: true,
    mode: "run-options",
    arrives: null,
    diagnostics: [],
    omitted: [],
    destination: null,
  });
  assert.deepEqual(preview, {
    method: "POST",
    url: "https://example.com/hook",
    headers: [
      ["Content-Type", "application/json"],
      ["X-Team", "blue"],
    ],
    body: '{"testRunId":"56fd3d617c458d1400baee6f","testName":"Checkout","runType":"test","status":"failure"}',
    destination: null,
    arrival: null,
  });
  assert.equal(invalid, null);
  assert.equal(wasmLoads, 1);
  assert.equal(same, true);

  // Dated facts are worded against the browser's date, as in the app and the CLI.
  const retired = await page.evaluate(async () =>
    (await import("/hookcheck-api.js"))
      .validate("https://prod-00.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x")
      .then((result) => result.diagnostics.find((d) => d.code === "destination-retiring")?.message),
  );
  const today = new Date();
  const after = today > new Date("2025-11-30T23:59:59Z");
  assert.match(retired, after ? /stopped working on 30 Nov 2025/ : /stop working after 30 Nov 2025/);

  const errors = await page.evaluate(async () => {
    const { load } = await import("/hookcheck-api.js");
    const hookcheck = await load();
    const message = (call) => {
      try {
        call();
        return null;
      } catch (error) {
        return `${error.name}: ${error.message}`;
      }
    };
    return [
      message(() => hookcheck.validate("x", "yaml")),
      message(() => hookcheck.preview("https://example.com", "crashed")),
      message(() => hookcheck.preview("https://example.com", "success", { nope: "x" })),
    ];
  });
  assert.match(errors[0], /^TypeError: .*mode/);
  assert.match(errors[1], /^TypeError: .*outcome/);
  assert.match(errors[2], /^TypeError: .*nope/);
  await page.close();
});
