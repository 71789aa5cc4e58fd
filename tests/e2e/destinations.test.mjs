// Destinations, end to end in the built app: a Slack URL that won't arrive, its request
// still previewed and sendable, made to arrive by its one-click fix; the Slack token kept out of localStorage and share links; the
// Discord preview showing the rendered content; and `hookcheck receive --as slack`
// answering the send panel `400 no_text`, explained in Slack's terms. Screenshots of the
// Slack URL that won't arrive and of the destination preview in both themes go to
// docs/screenshots/.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, assertReadable, root, startReceiver, typeInto } from "./harness.mjs";

const app = appInBrowser({ permissions: ["clipboard-read", "clipboard-write"] });

const SLACK_TOKEN = "zQ9xV2sLk4R7mNp8TuW3yB6c";
const SLACK = `https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/${SLACK_TOKEN}`;
const DISCORD_TOKEN = "d1sc0rd-t0ken_ABCdef";
const DISCORD = `https://discord.com/api/webhooks/123456789012345678/${DISCORD_TOKEN}`;
/** A Discord webhook whose body template posts the run's name, status and link. */
const DISCORD_WEBHOOK = `{
  "url": "${DISCORD}",
  "body": {
    "username": "testRTC",
    "content": "**<% this.testName %>** finished: <% this.status %>\\n<% this.resultUrl %>"
  }
}`;

test("a Slack URL alone won't arrive, yet its request is shown and sendable; its one-click fix makes it arrive", async () => {
  const page = await app.freshPage();
  await typeInto(page, SLACK);
  await page.getByTestId("validity").filter({ hasText: "Won't arrive · Slack answers 400 no_text" }).waitFor();
  const diagnostic = page.locator('[data-testid="diagnostics"] [data-code="destination-missing-field"]');
  assert.match(await diagnostic.textContent(), /Slack answers `?400 no_text/);
  // testRTC sends it all the same: the request, its verdict above it, and Send.
  assert.match(await page.getByTestId("arrival").textContent(), /^Won't arrive: Slack answers 400 no_text/);
  assert.equal(await page.getByTestId("arrival").getAttribute("data-arrives"), "false");
  assert.match(await page.getByTestId("preview-body").textContent(), /"status":"completed"/);
  assert.equal(await page.getByTestId("send").isDisabled(), false);
  // The README's screenshot: valid for testRTC, refused by Slack, the request shown, and
  // below it the send panel with Send (and the relay offered, as a page cannot reach Slack).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(root, "docs/screenshots/wont-arrive.png"), fullPage: true, animations: "disabled" });
  await diagnostic.locator(".fix").click();
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await page.getByTestId("arrival").getAttribute("data-arrives"), "true");
  assert.equal(
    await page.getByTestId("input").inputValue(),
    `{"url": "${SLACK}", "format": "json/text"}`,
  );
  // The preview shows Slack's message, and the URL's token masked.
  const preview = page.getByTestId("destination-preview");
  assert.equal(await preview.getAttribute("data-destination"), "slack");
  assert.equal(await page.getByTestId("destination-preview-sender").textContent(), "Your Slack app");
  assert.ok(!(await page.getByTestId("preview-url").textContent()).includes(SLACK_TOKEN));
  assert.ok(!(await page.locator("pre.curl").textContent()).includes(SLACK_TOKEN));
  await page.close();
});

test("the Slack token stays out of localStorage and share links", async () => {
  const page = await app.freshPage();
  await typeInto(page, `{"url": "${SLACK}", "format": "json/text"}`);
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  // The editor shows what was typed.
  assert.ok((await page.getByTestId("input").inputValue()).includes(SLACK_TOKEN));
  await page.waitForFunction(() => (localStorage.getItem("hookcheck.input") ?? "").includes("hooks.slack.com"));
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!stored.includes(SLACK_TOKEN), stored);
  assert.ok(stored.includes("hooks.slack.com/services/SECRET"), stored);

  await page.getByTestId("share").click();
  await page.locator(".share-link", { hasText: "Copied" }).waitFor();
  const link = await page.getByTestId("share-link").inputValue();
  const code = link.split("#s=")[1];
  const decoded = Buffer.from(code, "base64url").toString("utf8");
  assert.ok(!decoded.includes(SLACK_TOKEN), decoded);
  assert.ok(decoded.includes("hooks.slack.com/services/SECRET"), decoded);
  await page.close();
});

test("the Discord preview shows the rendered content for the selected outcome", async () => {
  const page = await app.freshPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await typeInto(page, DISCORD_WEBHOOK);
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  await page.getByTestId("outcome-failure").click();
  const text = page.getByTestId("destination-preview-text");
  await text.filter({ hasText: "finished: failure" }).waitFor();
  assert.equal(await text.locator("strong").first().textContent(), "AppRTC");
  assert.match(await text.textContent(), /^AppRTC finished: failure\s*https:\/\/app\.testrtc\.com\/app\/testRun\/56fd3d617c458d1400baee6f$/);
  assert.equal(await page.getByTestId("destination-preview-sender").textContent(), "testRTC");
  // Text nodes only: markup in the input never becomes elements.
  await typeInto(page, `{"url": "${DISCORD}", "body": {"content": "<img src=x onerror=alert(1)> **<b>bold</b>**"}}`);
  await text.filter({ hasText: "<img" }).waitFor();
  assert.equal(await page.locator('[data-testid="destination-preview"] img').count(), 0);
  assert.equal(await text.locator("strong").textContent(), "<b>bold</b>");

  // The README's screenshots: the preview of a failed run, in both themes.
  await typeInto(page, DISCORD_WEBHOOK);
  await text.filter({ hasText: "finished: failure" }).waitFor();
  await assertReadable(page, "the destination preview");
  const out = join(root, "docs/screenshots");
  mkdirSync(out, { recursive: true });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByTestId("destination-preview").screenshot({
      path: join(out, `destination-preview-${scheme}.png`),
      animations: "disabled",
    });
  }
  await page.close();
});

test("receive --as slack answers the send panel 400 no_text, explained in Slack's terms", async () => {
  const receiver = await startReceiver(["--as", "slack"]);
  try {
    const page = await app.freshPage();
    await typeInto(page, `${receiver.url}hook`);
    await page.getByTestId("preview-body").waitFor();
    await page.getByTestId("send").click();
    const result = page.locator('[data-testid="send-result"][data-call="1"]:not([data-state="sending"])');
    await result.waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId("send-status").textContent(), /^400/);
    assert.equal((await page.getByTestId("send-response-body").textContent()).trim(), "no_text");
    const explained = page.getByTestId("send-verdict");
    assert.equal(await explained.getAttribute("data-destination"), "slack");
    assert.match(await explained.textContent(), /^Slack found no text/);

    // With json/text the same receiver answers Slack's `200 ok`.
    await typeInto(page, `{"url": "${receiver.url}hook", "format": "json/text"}`);
    await page.getByTestId("preview-body").filter({ hasText: "testRTC_bot" }).waitFor();
    await page.getByTestId("send").click();
    await page.locator('[data-testid="send-result"][data-call="2"]:not([data-state="sending"])').waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId("send-status").textContent(), /^200/);
    assert.match(await page.getByTestId("send-verdict").textContent(), /^Slack posted/);
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("before a send to Slack, the panel says the browser cannot send it and offers curl", async () => {
  const page = await app.freshPage();
  await typeInto(page, `{"url": "${SLACK}", "format": "json/text"}`);
  const warning = page.getByTestId("send-destination-warning");
  await warning.waitFor();
  assert.match(await warning.textContent(), /preflight refuses `?Content-Type: application\/json/);
  await page.getByTestId("send-destination-curl").click();
  await page.locator(".copy-status", { hasText: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(`curl -X POST '${SLACK}'`), copied);
  await page.close();
});
