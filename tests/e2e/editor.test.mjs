// The editor in the built app (issue 20): edits made for the person (a one-click fix,
// Format, a chosen template variable) undone by Ctrl+Z like typing, the bracket at the caret
// and its partner framed, the product's template variables offered inside a placeholder,
// syntax colouring, and only the lines in view drawn for a long text. Saves the README's
// screenshot of the coloured editor with a diagnostic and a bracket pair.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, assertReadable, root } from "./harness.mjs";

const app = appInBrowser();

test("a one-click fix and Format are undone by Ctrl+Z", async () => {
  const page = await app.freshPage();
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
  await page.getByTestId("validity").filter({ hasText: /^Invalid · 1 error/ }).waitFor();

  await input.fill('{"url":"https://example.com/hook","format":"json/text",}');
  await page.getByTestId("format").click();
  assert.equal(await input.inputValue(), '{\n  "url": "https://example.com/hook",\n  "format": "json/text"\n}');
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), '{"url":"https://example.com/hook","format":"json/text",}');
  await page.close();
});

/** The columns of the bracket frames shown, the caret's first. */
const framed = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="bracket-match"]')]
      .filter((mark) => mark.checkVisibility())
      .map((mark) => Number(mark.style.getPropertyValue("--bracket-column"))),
  );

test("the bracket at the caret and its partner are framed, following the caret, until the field loses the focus", async () => {
  const page = await app.freshPage();
  const input = page.getByTestId("input");
  await input.fill('{"a": [1], "b": "]"}');
  await input.focus();
  await input.evaluate((area) => area.setSelectionRange(8, 8));
  await page.keyboard.press("ArrowRight"); // the caret after `]`, at 9
  const marks = page.getByTestId("bracket-match");
  await marks.nth(1).waitFor();
  assert.deepEqual(await framed(page), [8, 6]);
  const [closing, opening] = [await marks.nth(0).boundingBox(), await marks.nth(1).boundingBox()];
  assert.equal(closing.y, opening.y);
  // `]` is column 8, `[` column 6: two characters apart, each mark one character wide.
  assert.ok(Math.abs(closing.x - opening.x - 2 * closing.width) < 1, `${closing.x} ${opening.x} ${closing.width}`);
  await page.keyboard.press("End"); // after the last `}`: the whole object
  assert.deepEqual(await framed(page), [19, 0]);
  await page.keyboard.press("ArrowLeft"); // between `"` and `}`: the `}` after the caret
  assert.deepEqual(await framed(page), [19, 0]);
  await page.keyboard.press("ArrowLeft"); // inside the string "]": nothing
  await marks.first().waitFor({ state: "hidden" });
  assert.deepEqual(await framed(page), []);

  // A click puts the caret after `[` (in the left half of `1`, column 7).
  const { x, y } = await input.evaluate((area) => {
    const probe = document.querySelector(".ch-probe");
    const style = getComputedStyle(area);
    return {
      x: parseFloat(style.paddingLeft) + 7.2 * (probe.offsetWidth / 100),
      y: parseFloat(style.paddingTop) + 0.5 * (probe.offsetHeight / 100),
    };
  });
  await input.click({ position: { x, y } });
  assert.deepEqual(await framed(page), [6, 8]);
  // Typing reads the caret again: the typed `]` and the `[` before it.
  await page.keyboard.type("]");
  assert.deepEqual(await framed(page), [7, 6]);
  await input.evaluate((area) => area.blur());
  await marks.first().waitFor({ state: "hidden" });
  await page.close();
});

test("inside a placeholder the product's variables are offered: arrows choose, Enter inserts and closes the placeholder, Escape closes the list", async () => {
  const page = await app.freshPage();
  const input = page.getByTestId("input");
  const list = page.getByTestId("completions");
  const names = () => page.getByTestId("completion").allTextContents();
  // The list follows each keystroke as the page renders it: wait for the names expected.
  const offered = async (expected) => {
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('[data-testid="completion"]')].map((li) => li.textContent).join() === expected,
      expected.join(),
    ).catch(() => {});
    assert.deepEqual(await names(), expected);
  };
  await input.fill('{"url": "https://example.com/hook", "body": {"t": "Run "}}');
  await input.focus();
  await input.evaluate((area) => area.setSelectionRange(55, 55)); // after `Run `
  await page.keyboard.type("<% this.te");
  await offered(["testRunId", "testName"]);
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  // The list stands under the typed name: one line below, at its column.
  const [caretBox, listBox] = await Promise.all([
    input.evaluate((area) => {
      const probe = document.querySelector(".ch-probe");
      const style = getComputedStyle(area);
      const box = area.getBoundingClientRect();
      return { x: box.x + parseFloat(style.paddingLeft) + 63 * (probe.offsetWidth / 100), line: probe.offsetHeight / 100 };
    }),
    list.boundingBox(),
  ]);
  assert.ok(Math.abs(listBox.x - caretBox.x) < 2, `${listBox.x} ${caretBox.x}`);
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator('[data-testid="completion"][aria-selected="true"]').textContent(), "testName");
  await page.keyboard.press("Enter");
  await list.waitFor({ state: "hidden" });
  assert.equal(await input.inputValue(), '{"url": "https://example.com/hook", "body": {"t": "Run <% this.testName %>"}}');
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  // Ctrl+Z takes the inserted name back, as typing.
  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), '{"url": "https://example.com/hook", "body": {"t": "Run <% this.te"}}');

  // Another product offers its own payload's paths; Escape and leaving the field close the list.
  await page.getByTestId("product").selectOption("watchrtc");
  const alert = '{\n  "url": "https://example.com/hook",\n  "body": {"text": "Alert in <% this.pro %>"}\n}';
  await input.fill(alert);
  await input.focus();
  const afterPro = alert.indexOf("this.pro") + "this.pro".length;
  await input.evaluate((area, at) => area.setSelectionRange(at, at), afterPro);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await offered(["project.id", "project.name"]);
  const dir = join(root, "docs/screenshots");
  mkdirSync(dir, { recursive: true });
  await page.locator(".editor").screenshot({ path: join(dir, "completions.png"), animations: "disabled" });
  await page.keyboard.press("Escape");
  await list.waitFor({ state: "hidden" });
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  await page.keyboard.type("ject.na");
  await offered(["project.name"]);
  // A click on a name inserts it, and the `%>` already there is kept, not doubled.
  await page.getByTestId("completion").first().click();
  assert.equal(await input.inputValue(), alert.replace("this.pro", "this.project.name"));
  await input.evaluate((area) => area.blur());
  await list.waitFor({ state: "hidden" });
  await page.close();
});

const CONFIG = `{
  "url": "https://hooks.slack.com/services/T0/B0/XYZ",
  "format": "json/object",
  "headers": {"X-Count": 3, "X-On": true, "X-None": null},
  "body": {"text": "Run <% this.testName %>: <% this.status %>"}
}`;

test("the editor colours keys, strings, numbers, literals, punctuation, placeholders and options", async () => {
  const page = await app.freshPage();
  const input = page.getByTestId("input");
  await input.fill(CONFIG);
  const texts = (kind) => page.locator(`.overlay .${kind}`).allTextContents();
  await page.locator(".overlay .t-tpl").first().waitFor();
  assert.deepEqual((await texts("t-key")).slice(0, 3), ['"url"', '"format"', '"headers"']);
  assert.ok((await texts("t-str")).includes('"json/object"'));
  assert.deepEqual(await texts("t-num"), ["3"]);
  assert.deepEqual(await texts("t-lit"), ["true", "null"]);
  assert.deepEqual(await texts("t-tpl"), ["<% this.testName %>", "<% this.status %>"]);
  assert.ok((await texts("t-punct")).includes("{"));
  // The textarea's own text is transparent: what shows is the coloured copy, in place.
  assert.equal(await input.evaluate((area) => getComputedStyle(area).color), "rgba(0, 0, 0, 0)");
  await assertReadable(page, "the coloured editor");

  await input.fill('#timeout:80 #webhook:{"url": "https://example.com/hook"}');
  await page.locator(".overlay .t-opt").first().waitFor();
  assert.deepEqual(await texts("t-opt"), ["#timeout", "#webhook"]);
  await assertReadable(page, "coloured run options");

  // The README's screenshot (light; the dark one beside the test's artifacts): colours, a
  // diagnostic (the number 3 as a header value) and the bracket pair of `headers`.
  await input.fill(CONFIG);
  const afterHeaders = CONFIG.indexOf("null}") + "null}".length;
  await input.evaluate((area, at) => area.setSelectionRange(at, at), afterHeaders - 1);
  await page.keyboard.press("ArrowRight");
  await page.getByTestId("bracket-match").nth(1).waitFor();
  await assertReadable(page, "the editor with a bracket pair");
  const dir = join(root, "tests", "e2e", "artifacts");
  mkdirSync(dir, { recursive: true });
  const shots = { light: join(root, "docs/screenshots/editor.png"), dark: join(dir, "editor-dark.png") };
  for (const [scheme, path] of Object.entries(shots)) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.locator(".editor").screenshot({ path, animations: "disabled" });
  }
  await page.close();
});

test("a long text draws only the lines in view, and the lines scrolled to", async () => {
  const page = await app.freshPage();
  const lines = ['{"url": "https://example.com/hook", "body": {'];
  for (let i = 0; lines.join("\n").length < 250_000; i++) lines.push(`  "key${i}": "value ${i}",`);
  lines.push('  "last": "the end"', "}}");
  const input = page.getByTestId("input");
  // Set as a paste sets it (Playwright's fill types it through the editing commands).
  await input.evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, lines.join("\n"));
  await page.locator(".overlay .t-key").first().waitFor();
  const drawn = () => page.locator(".overlay").evaluate((o) => ({ elements: o.querySelectorAll("*").length, text: o.textContent }));
  const top = await drawn();
  assert.ok(top.elements < 2_000, `${top.elements} elements for ${lines.length} lines`);
  assert.ok(top.text.includes('"key1"') && !top.text.includes('"last"'));
  // Scrolled to the end, the last lines are drawn, in place under their textarea lines.
  await page.locator(".editor-frame").evaluate((frame) => {
    frame.scrollTop = frame.scrollHeight;
  });
  await page.waitForFunction(() => document.querySelector(".overlay").textContent.includes('"last"'));
  const last = page.locator(".overlay .t-str", { hasText: '"the end"' });
  const probe = await page.locator(".ch-probe").evaluate((p) => p.offsetHeight / 100);
  const [area, mark] = [await input.boundingBox(), await last.boundingBox()];
  const line = Math.round((mark.y - area.y - 8) / probe);
  assert.equal(line, lines.length - 2);
  await page.close();
});
