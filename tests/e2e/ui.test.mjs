// The built app in headless Chromium, as people use it: a new user's first path, share
// links, local memory, keyboard-only use, the theme button, text contrast, screenshots in both
// themes, and the keystroke-to-render time on a 4 KB input.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appInBrowser, artifacts, lowContrastText, root, typeInto } from "./harness.mjs";

const app = appInBrowser({ permissions: ["clipboard-read", "clipboard-write"] });

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.example";

const body = (page) => page.getByTestId("preview-body").textContent();

test("a new user picks an example, breaks it, reads the error, fixes it and copies curl", async () => {
  const page = await app.freshPage();
  // The first screen says what this is and offers the examples.
  assert.match(await page.locator(".tagline").textContent(), /testRTC/);
  assert.ok(await page.getByTestId("examples").isVisible());

  await page.getByTestId("examples").selectOption({ label: "Headers with Authorization" });
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  const input = page.getByTestId("input");
  assert.match(await input.inputValue(), /custom-webhook-header/);

  // Break it the way people do: a trailing comma after the last member.
  const text = await input.inputValue();
  await input.fill(text.replace(/"\n  }\n}$/, '",\n  }\n}'));
  await page.getByTestId("validity").filter({ hasText: /^Invalid · 1 error/ }).waitFor();
  const diagnostic = page.locator('[data-testid="diagnostics"] [data-code="json-trailing-comma"]');
  assert.match(await diagnostic.textContent(), /comma/i);
  assert.match(await diagnostic.locator(".where").textContent(), /^5:\d+$/);
  assert.match(await page.locator(".preview .empty").textContent(), /Fix the errors/);

  await diagnostic.locator(".fix").click();
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  assert.equal(await input.inputValue(), text);

  // The curl on screen is masked; the copied one has the real header.
  assert.ok(!(await page.locator("pre.curl").textContent()).includes(TOKEN));
  await page.getByTestId("copy-curl").click();
  await page.locator(".copy-status", { hasText: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith("curl -X POST 'https://example.com/testrtc-hook'"), copied);
  assert.ok(copied.includes(`-H 'Authorization: Bearer ${TOKEN}'`), copied);
  assert.ok(copied.includes(`--data-raw '${await body(page)}'`), copied);
  await page.close();
});

test("a share link opened in a fresh page restores the same previews, without secrets", async () => {
  const page = await app.freshPage();
  await page.getByTestId("examples").selectOption({ label: "Body template" });
  await page.getByTestId("outcome-failure").click();
  await page.locator("input[data-variable='testName']").fill("Checkout flow");
  await page.getByTestId("include-every-variable").check();
  const expected = {
    text: await page.getByTestId("input").inputValue(),
    body: await body(page),
    headers: await page.getByTestId("preview-headers").textContent(),
  };
  assert.match(expected.body, /Checkout flow finished: failure/);
  await page.getByTestId("share").click();
  await page.locator(".share-link", { hasText: "Copied" }).waitFor();
  const link = await page.getByTestId("share-link").inputValue();
  assert.match(link, /#s=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  const other = await app.browser.newPage();
  await other.goto(link);
  await other.getByTestId("validity").waitFor();
  assert.equal(await other.getByTestId("input").inputValue(), expected.text);
  assert.equal(await other.getByTestId("outcome-failure").getAttribute("aria-selected"), "true");
  assert.equal(await body(other), expected.body);
  assert.equal(await other.getByTestId("preview-headers").textContent(), expected.headers);
  await other.close();

  // Secrets stay out of links unless asked for.
  await page.getByTestId("examples").selectOption({ label: "Headers with Authorization" });
  await page.getByTestId("share").click();
  const safe = await page.getByTestId("share-link").inputValue();
  const third = await app.browser.newPage();
  await third.goto(safe);
  await third.getByTestId("validity").waitFor();
  const restored = await third.getByTestId("input").inputValue();
  assert.match(restored, /"Authorization": ""/);
  assert.ok(!restored.includes(TOKEN));
  await page.getByTestId("share-secrets").check();
  await page.getByTestId("share").click();
  // Opened in the same tab: only the fragment changes, and the state follows.
  const withSecrets = await page.getByTestId("share-link").inputValue();
  assert.notEqual(withSecrets, safe);
  await third.evaluate((url) => { location.href = url; }, withSecrets);
  await third.waitForFunction(
    (token) => document.querySelector('[data-testid="input"]').value.includes(token),
    TOKEN,
  );
  await third.close();
  await page.close();
});

test("localStorage holds no secret after typing an Authorization header", async () => {
  const page = await app.freshPage();
  const input = page.getByTestId("input");
  await typeInto(page, "");
  await input.pressSequentially(
    '{"url": "https://example.com/hook", "headers": {"Authorization": "Bearer s3cr3t-t0ken", "X-Api-Key": "k3y-v4lue"}}',
  );
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!stored.includes("s3cr3t"), stored);
  assert.ok(!stored.includes("k3y-v4lue"), stored);
  assert.ok(stored.includes('\\"Authorization\\": \\"\\"'), stored);

  // The remembered input comes back on reload, without the secret.
  await page.reload();
  await page.getByTestId("validity").waitFor();
  assert.match(await input.inputValue(), /"Authorization": ""/);

  // Switched off, nothing of the input is kept.
  await page.getByTestId("remember").uncheck();
  const after = await page.evaluate(() => localStorage.getItem("hookcheck.input"));
  assert.equal(after, null);
  await page.close();
});

test("keyboard only: Tab reaches every control, focus is visible, arrows move between outcome tabs", async () => {
  const page = await app.freshPage();
  await page.getByTestId("examples").selectOption({ label: "Copied from the docs (broken)" });
  await page.getByTestId("validity").filter({ hasText: /error/ }).waitFor();
  // Every control a person can operate, numbered.
  const count = await page.evaluate(() => {
    const selector = [
      "button:not([disabled]):not([tabindex='-1'])",
      "select",
      "textarea",
      "input:not([disabled]):not([type='radio'])",
      "input[type='radio']:checked",
      "[tabindex='0']",
    ].join(",");
    const controls = [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0);
    controls.forEach((e, i) => { e.dataset.kb = String(i); });
    return controls.length;
  });
  assert.ok(count > 20, `only ${count} controls`);
  const reached = new Set();
  const unseenOutline = [];
  await page.locator("body").focus();
  for (let i = 0; i < count * 2 && reached.size < count; i += 1) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      const frame = e.closest(".editor-frame");
      const visible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        || (frame && getComputedStyle(frame).outlineStyle !== "none");
      return { kb: e.dataset.kb ?? null, tag: e.tagName, visible };
    });
    if (info.kb !== null) reached.add(info.kb);
    if (!info.visible) unseenOutline.push(info.tag);
  }
  assert.equal(reached.size, count, `Tab reached ${reached.size} of ${count} controls`);
  assert.deepEqual(unseenOutline, [], "every focused control shows a focus ring");

  // Outcome tabs: one tab stop, arrows move and select.
  await page.getByTestId("examples").selectOption({ label: "Bare URL" });
  await page.getByTestId("outcome-success").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByTestId("outcome-warnings").getAttribute("aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "outcome-warnings");
  assert.match(await body(page), /"status":"warnings"/);
  await page.keyboard.press("End");
  assert.match(await body(page), /"status":"failure"/);
  await page.keyboard.press("ArrowRight");
  assert.match(await body(page), /"status":"completed"/);

  // A fix by keyboard: Tab to it, press Enter.
  await page.getByTestId("examples").selectOption({ label: "Copied from the docs (broken)" });
  const fix = page.locator(".fix").first();
  await fix.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("validity").filter({ hasText: /^Invalid · 3 errors/ }).waitFor();
  await page.close();
});

test("screenshots of the real build in light and dark", async () => {
  const page = await app.freshPage();
  const out = join(root, "docs/screenshots");
  mkdirSync(out, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await typeInto(
    page,
    `{
  "url": "http://example.com/testrtc-hook",
  "headers": {
    "Authorization": "Bearer ${TOKEN}"
  },
  "body": {
    "text": "<% this.testName %> finished: <% this.status %>",
    "link": "<% this.resultURL %>"
  }
}`,
  );
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(out, `app-${scheme}.png`), fullPage: true, animations: "disabled" });
  }
  await page.close();
});

test("the theme button pins light or dark whatever the system says; auto follows the system", async () => {
  const page = await app.freshPage();
  const LIGHT = "rgb(246, 247, 249)"; // --bg of each palette (static/style.css)
  const DARK = "rgb(18, 21, 26)";
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const button = page.getByRole("button", { name: /Colour theme/ });
  const pick = async (theme) => {
    while (!(await button.textContent()).endsWith(theme)) await button.click();
  };
  for (const [system, auto] of [["light", LIGHT], ["dark", DARK]]) {
    await page.emulateMedia({ colorScheme: system });
    await pick("auto");
    assert.equal(await background(), auto, `auto under a ${system} system`);
    await pick("light");
    assert.equal(await background(), LIGHT, `light under a ${system} system`);
    await pick("dark");
    assert.equal(await background(), DARK, `dark under a ${system} system`);
  }
  await page.close();
});

test("every visible text meets WCAG AA contrast, in both themes, with findings of every severity", async () => {
  const page = await app.freshPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  const states = {
    // A warning, an info, labels, masked secrets, the send panel and the sample editor.
    "a valid webhook with findings": `{
  "url": "http://example.com/testrtc-hook",
  "headers": {"Authorization": "Bearer ${TOKEN}"},
  "body": {"text": "<% this.testName %>", "link": "<% this.resultURL %>"}
}`,
    // Errors, and the preview's empty state.
    "an invalid webhook": `{"url": "ftp://example.com", "headers": {"X": 1},}`,
    // Every syntax colour of the editor: options, keys, strings, numbers, literals, holes.
    "run options": `#timeout:80 #webhook:{"url": "https://example.com/h", "body": {"n": 1, "ok": true, "x": null, "t": "<% this.status %>"}}`,
  };
  const failures = [];
  for (const [name, text] of Object.entries(states)) {
    await typeInto(page, text);
    await page.getByTestId("validity").waitFor();
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      const audit = await lowContrastText(page);
      assert.ok(audit.checked > 60, `only ${audit.checked} texts found: is the page rendered?`);
      failures.push(...audit.failures.map((f) => `${name}, ${scheme}: ${f}`));
    }
  }
  assert.deepEqual(failures, []);
  await page.close();
});

test("keystroke-to-render time on a 4 KB input", async () => {
  const page = await app.freshPage();
  // A 4 KB body template whose last string grows by one character per keystroke.
  const members = [];
  for (let i = 0; members.join(",\n").length < 3950; i += 1) {
    members.push(`    "field${String(i).padStart(2, "0")}": "<% this.testName %> ran as <% this.runType %> with status <% this.status %>"`);
  }
  const head = `{\n  "url": "https://example.com/hook",\n  "headers": {"X-Team": "qa"},\n  "body": {\n${members.join(",\n")},\n    "note": "`;
  const tail = `"\n  }\n}`;
  await typeInto(page, `${head}${tail}`);
  await page.getByTestId("validity").filter({ hasText: /^Valid/ }).waitFor();
  const bytes = (head + tail).length;
  assert.ok(bytes >= 4096, `${bytes} bytes`);

  const samples = await page.evaluate(async ({ head, tail }) => {
    const area = document.querySelector('[data-testid="input"]');
    const preview = document.querySelector('[data-testid="preview-body"]');
    const times = [];
    let typed = "";
    for (let i = 0; i < 55; i += 1) {
      typed += "abcdefghij"[i % 10];
      const updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(preview, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      area.value = head + typed + tail;
      area.setSelectionRange(head.length + typed.length, head.length + typed.length);
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: typed.at(-1) }));
      const rendered = await updated;
      const painted = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      if (!preview.textContent.includes(`"note":"${typed}"`)) throw new Error("preview did not follow");
      times.push({ render: rendered - start, frame: painted - start });
    }
    return times.slice(5); // the first few warm up the JIT
  }, { head, tail });
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +sorted.at(-1).toFixed(2) };
  };
  const result = {
    inputBytes: bytes,
    keystrokes: samples.length,
    toPreviewUpdateMs: stats(samples.map((s) => s.render)),
    toNextFrameMs: stats(samples.map((s) => s.frame)),
  };
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "latency.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("keystroke latency", JSON.stringify(result));
  assert.ok(result.toPreviewUpdateMs.median < 50, JSON.stringify(result));
  await page.close();
});
