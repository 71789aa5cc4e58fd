// The editor's help in the built app (issue 20): completions for keys and template variables
// as an ARIA combobox, and edits made for the person (an accepted completion, a one-click
// fix, Format) undone by Ctrl+Z like typing. Saves a screenshot of a completion list.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, assertReadable, root } from "./harness.mjs";

const app = appInBrowser();

async function freshPage() {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.server.url);
  await page.getByTestId("validity").waitFor();
  return page;
}

/** Empties the field, then types `text` key by key (completions open while typing). */
async function typeFresh(page, text) {
  const input = page.getByTestId("input");
  await input.fill("");
  await input.focus();
  await page.keyboard.type(text);
  return input;
}

const options = (page) => page.locator('[data-testid="completions"] [role="option"]');

test("typing a key offers the advanced form's keys; Enter accepts, Ctrl+Z takes it back", async () => {
  const page = await freshPage();
  const input = await typeFresh(page, '{\n  "fo');
  await options(page).first().waitFor();
  assert.deepEqual(await options(page).allTextContents(), ["formatdocumented"]);
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  assert.equal(await input.getAttribute("aria-controls"), "hookcheck-completions");
  const active = await input.getAttribute("aria-activedescendant");
  assert.equal(await options(page).first().getAttribute("id"), active);
  assert.equal(await options(page).first().getAttribute("aria-selected"), "true");
  assert.match(await page.getByTestId("completion-doc").textContent(), /payload format/);

  await page.keyboard.press("Enter");
  assert.equal(await input.inputValue(), '{\n  "format": ');
  await page.getByTestId("completions").waitFor({ state: "detached" });
  assert.equal(await input.getAttribute("aria-expanded"), "false");

  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), '{\n  "fo');
  await page.close();
});

test("Ctrl+Space at a key lists the keys; arrows move, Esc closes", async () => {
  const page = await freshPage();
  const input = await typeFresh(page, '{"url": "https://example.com/h", ');
  assert.equal(await options(page).count(), 0);
  await page.keyboard.press("Control+Space");
  await options(page).first().waitFor();
  const labels = await page.locator('[data-testid="completions"] .completion-label').allTextContents();
  assert.deepEqual(labels, ["url", "format", "headers", "fieldname", "body", "provider"]);
  await page.keyboard.press("ArrowDown");
  assert.equal(await input.getAttribute("aria-activedescendant"), "hookcheck-completions-1");
  await page.keyboard.press("Escape");
  await page.getByTestId("completions").waitFor({ state: "detached" });
  assert.equal(await input.inputValue(), '{"url": "https://example.com/h", ');
  await page.close();
});

test("<% this. in the body offers the variables with their source; Tab accepts one", async () => {
  const page = await freshPage();
  const input = await typeFresh(page, '{\n  "url": "https://example.com/hook",\n  "body": {\n    "text": "<% this.');
  await options(page).first().waitFor();
  const labels = await page.locator('[data-testid="completions"] .completion-label').allTextContents();
  assert.equal(labels.length, 13);
  assert.deepEqual(labels.slice(0, 3), ["this.testRunId", "this.testName", "this.projectName"]);
  assert.match(await options(page).last().textContent(), /this\.concurrentUsers.*assumed/);
  // The list stands under the word, on the fifth line's level, not at the top of the field.
  const list = await page.getByTestId("completions").boundingBox();
  const field = await input.boundingBox();
  const lineHeight = await input.evaluate((area) => parseFloat(getComputedStyle(area).lineHeight));
  assert.ok(list.y - field.y >= 4 * lineHeight, `list at ${list.y - field.y}px from the top`);
  assert.ok(list.x - field.x >= 10 * (lineHeight / 2), `list at ${list.x - field.x}px from the left`);
  await page.keyboard.type("res");
  await page.locator('[data-testid="completions"] .completion-label', { hasText: "this.resultUrl" }).waitFor();
  mkdirSync(join(root, "docs/screenshots"), { recursive: true });
  await page.locator(".editor").screenshot({ path: join(root, "docs/screenshots/completions.png"), animations: "disabled" });
  await assertReadable(page, "the completion list");
  await page.keyboard.press("Tab");
  assert.equal(await input.inputValue(), '{\n  "url": "https://example.com/hook",\n  "body": {\n    "text": "<% this.resultUrl %>');
  await page.close();
});

test("a one-click fix and Format are undone by Ctrl+Z", async () => {
  const page = await freshPage();
  const broken = '{\n  "url": "https://example.com/hook",\n}';
  const input = page.getByTestId("input");
  await input.fill(broken);
  const fix = page.locator('[data-testid="diagnostics"] [data-code="json-trailing-comma"] .fix');
  await fix.click();
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await input.inputValue(), '{\n  "url": "https://example.com/hook"\n}');
  await input.focus();
  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), broken);
  await page.getByTestId("validity").filter({ hasText: /^1 error/ }).waitFor();

  await input.fill('{"url":"https://example.com/hook","format":"json/text",}');
  await page.getByTestId("format").click();
  assert.equal(await input.inputValue(), '{\n  "url": "https://example.com/hook",\n  "format": "json/text"\n}');
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), '{"url":"https://example.com/hook","format":"json/text",}');
  await page.close();
});

test("the caret on a key, value or variable shows what it means, its source and its rule", async () => {
  const page = await freshPage();
  const input = page.getByTestId("input");
  await input.fill('{"format": "json/text", "body": {"t": "<% this.concurrentUsers %>"}}');
  await input.focus();
  await input.evaluate((area) => area.setSelectionRange(2, 2));
  await page.keyboard.press("ArrowRight");
  const doc = page.getByTestId("caret-doc");
  assert.match(await doc.textContent(), /^format documented The payload format/);
  assert.equal(await doc.locator("a").getAttribute("href"), "docs/rules.md#format-unknown");
  await input.evaluate((area) => area.setSelectionRange(13, 13));
  await page.keyboard.press("ArrowRight");
  await doc.filter({ hasText: /json\/text documented/ }).waitFor();
  const variable = '{"format": "json/text", "body": {"t": "<% this.concurrent'.length;
  await input.evaluate((area, at) => area.setSelectionRange(at, at), variable);
  await page.keyboard.press("ArrowRight");
  await doc.filter({ hasText: /this\.concurrentUsers assumed/ }).waitFor();
  await assertReadable(page, "the caret's doc");
  await page.close();
});

test("the bracket at the caret and its partner are framed, at their columns", async () => {
  const page = await freshPage();
  const input = page.getByTestId("input");
  await input.fill('{"a": [1], "b": "]"}');
  await input.focus();
  await input.evaluate((area) => area.setSelectionRange(8, 8));
  await page.keyboard.press("ArrowRight"); // the caret after `]`, at 9
  const marks = page.getByTestId("bracket-match");
  await marks.nth(1).waitFor();
  const [closing, opening] = [await marks.nth(0).boundingBox(), await marks.nth(1).boundingBox()];
  assert.equal(closing.y, opening.y);
  // `]` is column 8, `[` column 6: two characters apart, each mark one character wide.
  assert.ok(Math.abs(closing.x - opening.x - 2 * closing.width) < 1, `${closing.x} ${opening.x} ${closing.width}`);
  await page.keyboard.press("End"); // after the last `}`: the whole object
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="bracket-match"]').length === 2);
  await page.keyboard.press("ArrowLeft"); // between `"` and `}`: the `}` after the caret
  await page.keyboard.press("ArrowLeft"); // inside the string "]": nothing
  await marks.first().waitFor({ state: "detached" });
  await page.close();
});
