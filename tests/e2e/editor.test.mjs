// The editor's help in the built app (issue 20): completions for keys, template variables and
// the recognised destination's body fields as an ARIA combobox, edits made for the person (an
// accepted completion, a one-click fix, Format) undone by Ctrl+Z like typing, docs at the
// caret and under the pointer with a rule link that the build serves, syntax colouring, and
// only the lines in view drawn for a long text. Saves screenshots of a completion list and
// of the coloured editor with a hover doc.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, assertReadable, root } from "./harness.mjs";

const app = appInBrowser();

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
  const page = await app.freshPage();
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
  const page = await app.freshPage();
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
  const page = await app.freshPage();
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

test("the caret on a key, value or variable shows what it means, its source and its rule", async () => {
  const page = await app.freshPage();
  const input = page.getByTestId("input");
  await input.fill('{"format": "json/text", "body": {"t": "<% this.concurrentUsers %>"}}');
  await input.focus();
  await input.evaluate((area) => area.setSelectionRange(2, 2));
  await page.keyboard.press("ArrowRight");
  const doc = page.getByTestId("caret-doc");
  assert.match(await doc.textContent(), /^format documented The payload format/);
  assert.equal(await doc.locator("a").getAttribute("href"), "rules.html#format-unknown");
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
  const page = await app.freshPage();
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

test("in the body, the recognised destination's fields are offered with their docs", async () => {
  const page = await app.freshPage();
  await typeFresh(page, '{"url": "https://hooks.slack.com/services/T0/B0/XYZ", "body": {"');
  await options(page).first().waitFor();
  const labels = () => page.locator('[data-testid="completions"] .completion-label').allTextContents();
  assert.deepEqual((await labels()).slice(0, 2), ["text", "blocks"]);
  assert.match(await page.getByTestId("completion-doc").textContent(), /message.*Rule destination-missing-field/);

  await typeFresh(page, '{"url": "https://events.pagerduty.com/v2/enqueue", "body": {"payload": {"s');
  await options(page).first().waitFor();
  assert.deepEqual((await labels()).slice(0, 3), ["summary", "source", "severity"]);

  // An address no destination owns: nothing to offer among the body's keys.
  await typeFresh(page, '{"url": "https://example.com/hook", "body": {"');
  await page.keyboard.press("Control+Space");
  assert.equal(await options(page).count(), 0);
  await page.close();
});

/** The middle of the character at `line`, `column` of the editor, in page coordinates. */
async function charPoint(page, line, column) {
  return page.getByTestId("input").evaluate(
    (area, [line, column]) => {
      const probe = document.querySelector(".ch-probe");
      const box = area.getBoundingClientRect();
      const style = getComputedStyle(area);
      const [width, height] = [probe.offsetWidth / 100, probe.offsetHeight / 100];
      return {
        x: box.left + parseFloat(style.paddingLeft) + (column + 0.5) * width,
        y: box.top + parseFloat(style.paddingTop) + (line + 0.5) * height,
      };
    },
    [line, column],
  );
}

const CONFIG = `{
  "url": "https://hooks.slack.com/services/T0/B0/XYZ",
  "format": "json/object",
  "headers": {"X-Count": 3, "X-On": true, "X-None": null},
  "body": {"text": "Run <% this.testName %>: <% this.status %>"}
}`;

test("hovering a key, a value or a variable shows its doc; its rule link is served", async () => {
  const page = await app.freshPage();
  await page.getByTestId("input").fill(CONFIG);
  const hover = page.getByTestId("hover-doc");
  // Each time from outside the editor: a doc stays while the pointer is on it, and it
  // covers the lines under the one it explains.
  const at = async (line, column) => {
    const { x, y } = await charPoint(page, line, column);
    await page.mouse.move(0, 0);
    await page.mouse.move(x, y);
  };
  await at(2, 5); // "format"
  assert.match(await hover.textContent(), /^format documented The payload format/);
  await at(2, 15); // "json/object"
  await hover.filter({ hasText: /^json\/object documented/ }).waitFor();
  await at(4, 37); // this.testName
  await hover.filter({ hasText: /^this\.testName documented Name of the test script/ }).waitFor();
  await at(4, 14); // "text" of Slack
  await hover.filter({ hasText: /^text documented The message/ }).waitFor();
  // Past the end of a line there is nothing to explain.
  await at(1, 70);
  await hover.waitFor({ state: "detached" });

  // The rule link names a file the build serves, and the rule is in it.
  await at(2, 5);
  const href = await hover.locator("a").getAttribute("href");
  assert.equal(href, "rules.html#format-unknown");
  const { status, text } = await page.evaluate(async (href) => {
    const reply = await fetch(new URL(href, location.href));
    return { status: reply.status, text: await reply.text() };
  }, href);
  assert.equal(status, 200);
  assert.match(text, /<h3 id="format-unknown"><code>format-unknown<\/code><\/h3>/);
  // The pointer can reach the link: the doc stays while the pointer is on it.
  const link = await hover.locator("a").boundingBox();
  await page.mouse.move(link.x + 2, link.y + link.height / 2);
  assert.ok(await hover.isVisible());
  await page.mouse.move(0, 0);
  await hover.waitFor({ state: "detached" });
  await page.close();
});

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

  // Both themes, with a hover doc: the screenshot for the README.
  await input.fill(CONFIG);
  await input.evaluate((area) => area.blur());
  const { x, y } = await charPoint(page, 4, 4); // "body": its doc covers no code
  await page.mouse.move(x, y);
  await page.getByTestId("hover-doc").waitFor();
  const dir = join(root, "tests", "e2e", "artifacts");
  mkdirSync(dir, { recursive: true });
  const editor = page.locator(".editor");
  const box = await editor.boundingBox();
  const clip = { x: box.x, y: box.y, width: box.width, height: box.height + 60 };
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: join(dir, `editor-${scheme}.png`), clip });
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
