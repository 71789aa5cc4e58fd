// The testRTC products in the built app (SPEC §6): picking watchRTC turns the preview into
// its one Alert tab with the documented alert, judged by the destination as any run is (a
// bare Slack URL won't arrive until json/text); the alert is edited as JSON, with core's
// reason when the JSON is broken; and a share link carries the product, the tab and the
// edited alert. The README's screenshot of a watchRTC alert to Slack goes to
// docs/screenshots/. The embed takes product= in its URL.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, assertReadable, root, typeInto } from "./harness.mjs";

const app = appInBrowser({ permissions: ["clipboard-read", "clipboard-write"] });

const SLACK = "https://hooks.slack.com/services/T000/B000/XXXX";

test("picking watchRTC shows the alert in the preview, and a share link round-trips it", async () => {
  const page = await app.freshPage();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await typeInto(page, SLACK);
  await page.getByTestId("product").selectOption("watchrtc");

  // One tab, named for what watchRTC sends, with the documented alert.
  await page.getByTestId("outcome-alert").waitFor();
  assert.equal(await page.getByTestId("outcome-success").count(), 0);
  assert.equal(await page.getByTestId("outcome-alert").textContent(), "Alert");
  assert.equal(await page.getByTestId("outcome-alert").getAttribute("aria-selected"), "true");
  const body = page.getByTestId("preview-body");
  assert.match(await body.textContent(), /^\{"time":"2022-03-11T21:03:24\.000Z","project":/);
  assert.match(await body.textContent(), /"calculation":"Score 7\.70 > 7"/);

  // A bare Slack URL won't arrive for an alert either; the one-click fix makes it arrive.
  await page.getByTestId("validity").filter({ hasText: "Won't arrive · Slack answers 400 no_text" }).waitFor();
  await page.locator('[data-testid="diagnostics"] [data-code="destination-missing-field"] .fix').click();
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await page.getByTestId("arrival").getAttribute("data-arrives"), "true");
  assert.match(await body.textContent(), /^\{"username":"testRTC_bot","text":"\{\\"time\\"/);
  const slack = page.getByTestId("destination-preview");
  assert.equal(await slack.getAttribute("data-destination"), "slack");
  assert.match(await slack.textContent(), /testrtclongmachineroom1/);

  // The README's screenshot: the product, the config, the Alert tab, its verdict and
  // Slack's message.
  await page.getByTestId("format").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes("\n"));
  await assertReadable(page, "a watchRTC alert to Slack");
  const out = join(root, "docs/screenshots");
  mkdirSync(out, { recursive: true });
  const pane = await page.locator(".workbench").boundingBox();
  const shown = await slack.boundingBox();
  await page.screenshot({
    path: join(out, "watchrtc-slack.png"),
    clip: { x: pane.x, y: pane.y, width: pane.width, height: shown.y + shown.height + 16 - pane.y },
    animations: "disabled",
  });

  // The alert is edited as JSON; broken JSON gets core's reason and leaves the preview be.
  const sample = page.getByTestId("sample-json");
  assert.match(await sample.inputValue(), /"room_id": "testrtclongmachineroom1"/);
  await sample.fill('{"room_id": "r1",}');
  assert.match(
    await page.getByTestId("sample-json-error").textContent(),
    /^Line 1, column 17: Trailing commas/,
  );
  assert.match(await body.textContent(), /testrtclongmachineroom1/);
  await sample.fill('{"room_id": "shop-room", "peers": []}');
  await page.getByTestId("sample-json-error").waitFor({ state: "detached" });
  await page.locator('[data-testid="preview-body"]', { hasText: "shop-room" }).waitFor();

  // The share link opens on watchRTC, its Alert tab and the edited alert.
  await page.getByTestId("share").click();
  await page.locator(".share-link", { hasText: "Copied" }).waitFor();
  const link = await page.getByTestId("share-link").inputValue();
  const decoded = JSON.parse(Buffer.from(link.split("#s=")[1], "base64url").toString("utf8"));
  assert.equal(decoded.product, "watchrtc");
  assert.equal(decoded.outcome, "alert");
  const opened = await app.freshPage(link);
  assert.equal(await opened.getByTestId("product").inputValue(), "watchrtc");
  assert.equal(await opened.getByTestId("outcome-alert").getAttribute("aria-selected"), "true");
  assert.equal(
    await opened.getByTestId("preview-body").textContent(),
    '{"username":"testRTC_bot","text":"{\\"room_id\\":\\"shop-room\\",\\"peers\\":[]}"}',
  );
  await opened.close();
  await page.close();
});

test("the product is remembered with the input, and back on test the three run tabs return", async () => {
  const page = await app.freshPage();
  await typeInto(page, "https://example.com/hook");
  await page.getByTestId("product").selectOption("qualityrtc");
  await page.getByTestId("outcome-result").waitFor();
  assert.match(await page.getByTestId("preview-body").textContent(), /^\{"testResult":\{/);
  await page.waitForFunction(() => localStorage.getItem("hookcheck.product") === "qualityrtc");
  await page.reload();
  await page.getByTestId("outcome-result").waitFor();
  assert.equal(await page.getByTestId("product").inputValue(), "qualityrtc");
  await page.getByTestId("product").selectOption("test");
  await page.getByTestId("outcome-success").waitFor();
  assert.equal(await page.getByTestId("outcome-result").count(), 0);
  assert.match(await page.getByTestId("preview-body").textContent(), /"status":"completed"/);
  await page.close();
});

test("the embed takes product= in its URL", async () => {
  const page = await app.freshPage(`${app.server.url}embed.html?product=qualityrtc`);
  await page.getByTestId("outcome-result").waitFor();
  assert.equal(await page.getByTestId("outcome-result").getAttribute("aria-selected"), "true");
  assert.match(await page.getByTestId("preview-body").textContent(), /^\{"testResult":\{/);
  await page.close();
});
