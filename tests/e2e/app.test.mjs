// The built app in headless Chromium: type a webhook, read the result back.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appInBrowser, typeInto } from "./harness.mjs";

const app = appInBrowser();

test("a bare URL is valid and previews testRTC's documented success body", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await typeInto(page, "https://example.com/hook");
  await assert.doesNotReject(page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor());
  assert.equal(
    await page.getByTestId("preview-body").textContent(),
    '{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}',
  );
  await page.close();
});

test("a trailing comma is reported with its code and the input is invalid", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await typeInto(page, '{"url": "https://example.com/hook",}');
  await page.getByTestId("validity").filter({ hasText: /1 error/ }).waitFor();
  const codes = await page.locator('[data-testid="diagnostics"] [data-code]').evaluateAll(
    (items) => items.map((item) => item.dataset.code),
  );
  assert.deepEqual(codes, ["json-trailing-comma"]);
  await page.close();
});
