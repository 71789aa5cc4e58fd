// Send test call, end to end: the built app in headless Chromium sends to a real
// `hookcheck receive`, and what arrived must equal the preview byte for byte. Then each
// failure the browser can meet is produced for real and its explanation checked.
// Every network call goes to 127.0.0.1.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appInBrowser, assertReadable, screenshot, startReceiver, typeInto, unusedPort } from "./harness.mjs";

const app = appInBrowser();

const CUSTOM = "X-Hookcheck-Test";

/** An advanced-form webhook at `url` with a custom header and a body template. */
function webhook(url, headers = {}) {
  return JSON.stringify(
    {
      url,
      headers: { [CUSTOM]: "e2e; value with spaces", ...headers },
      body: {
        run: "<% this.testRunId %>",
        test: "<% this.testName %>",
        status: "<% this.status %>",
        note: "héllo ✓ \"quoted\" <tag> & done",
      },
    },
    null,
    2,
  );
}

/** A page with the app and `text` typed into it, its preview shown. */
async function openWith(text) {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await typeInto(page, text);
  await page.getByTestId("preview-body").waitFor();
  return page;
}

/** The preview's headers as [name, value] pairs, read from the page. */
async function previewHeaders(page) {
  return page.getByTestId("preview-headers").locator("li").evaluateAll((items) =>
    items.map((li) => {
      const name = li.querySelector(".header-name");
      const value = li.querySelector(".header-value");
      if (name && value) return [name.textContent, value.textContent];
      const text = li.textContent;
      const colon = text.indexOf(": ");
      return [text.slice(0, colon), text.slice(colon + 2)];
    }),
  );
}

/** Presses Send and waits until call number `call` has a result (not "sending"). */
async function sendAndWait(page, call) {
  await page.getByTestId("send").click();
  const result = page.locator(
    `[data-testid="send-result"][data-call="${call}"]:not([data-state="sending"])`,
  );
  await result.waitFor({ timeout: 20_000 });
  return result;
}

test("success and failure calls arrive exactly as previewed: method, every header, body bytes", async () => {
  const receiver = await startReceiver();
  try {
    const page = await openWith(webhook(`${receiver.url}hook?case=exact`));
    let call = 0;
    for (const outcome of ["success", "failure"]) {
      await page.getByTestId(`outcome-${outcome}`).click();
      await page.getByTestId("preview-body").filter({ hasText: outcome === "success" ? "completed" : "failure" }).waitFor();
      const body = await page.getByTestId("preview-body").textContent();
      const headers = await previewHeaders(page);
      assert.ok(headers.some(([name]) => name === CUSTOM), "the custom header is previewed");

      await receiver.clear();
      const result = await sendAndWait(page, ++call);
      assert.equal(await result.getAttribute("data-state"), "ok", await result.textContent());
      assert.match(await page.getByTestId("send-status").textContent(), /^200 OK/);

      const posts = (await receiver.requests()).filter((r) => r.method !== "HEAD");
      assert.equal(posts.length, 1, "exactly one call arrived");
      const [arrived] = posts;
      assert.equal(arrived.method, "POST");
      assert.equal(arrived.path, "/hook?case=exact");
      assert.equal(arrived.body, body, "body bytes equal the preview");
      assert.equal(arrived.body_bytes_len, Buffer.byteLength(body, "utf8"));
      assert.ok(arrived.body_is_utf8);
      for (const [name, value] of headers) {
        const got = arrived.headers.filter(([n]) => n === name.toLowerCase());
        assert.deepEqual(got, [[name.toLowerCase(), value]], `header ${name}`);
      }
      // The reply is shown, pretty-printed.
      assert.match(await page.getByTestId("send-response-body").textContent(), /"ok": true/);
    }

    // The preflight the panel predicted is the one the browser sent.
    const prediction = await page.getByTestId("send-prediction").textContent();
    assert.match(prediction, /Content-Type application\/json, X-Hookcheck-Test/);
    const preflights = await receiver.preflights();
    assert.ok(preflights.length >= 1);
    const asked = preflights.at(-1).headers.find(([n]) => n === "access-control-request-headers");
    assert.deepEqual(asked, ["access-control-request-headers", "content-type,x-hookcheck-test"]);

    // Both calls are in the history, newest first, with their outcomes.
    const rows = await page.getByTestId("send-history").locator("tbody tr").allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /failure.*200 OK/);
    assert.match(rows[1], /success.*200 OK/);
    await screenshot(page, "send-success", { fullPage: true });
    await assertReadable(page, "after two successful calls");
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("a receiver refusing CORS is explained as CORS, naming what causes the preflight", async () => {
  const receiver = await startReceiver(["--no-cors"]);
  try {
    const page = await openWith(webhook(`${receiver.url}hook`, { Authorization: "Bearer e2e-token" }));
    const result = await sendAndWait(page, 1);
    assert.equal(await result.getAttribute("data-kind"), "cors");
    const explanation = await page.getByTestId("send-explanation").textContent();
    assert.match(explanation, /Blocked by CORS: the preflight was not allowed/);
    assert.match(explanation, /Content-Type application\/json, X-Hookcheck-Test, Authorization/);
    assert.match(explanation, /server to server/);
    assert.match(explanation, /curl/);
    // The curl command is offered, with the secret masked on screen.
    const curl = await page.getByTestId("send-curl").textContent();
    assert.match(curl, /^curl -X POST /);
    assert.ok(!curl.includes("e2e-token"), "the secret is masked on screen");
    // The call itself never arrived; only the harmless probe did.
    const methods = (await receiver.requests()).map((r) => r.method);
    assert.deepEqual(methods, ["HEAD"]);
    await screenshot(page, "send-failure-cors", { fullPage: true });
    await assertReadable(page, "a CORS failure explained");
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("a closed port is explained as unreachable, not as CORS", async () => {
  const port = await unusedPort();
  const page = await openWith(webhook(`http://127.0.0.1:${port}/hook`));
  const result = await sendAndWait(page, 1);
  assert.equal(await result.getAttribute("data-kind"), "unreachable");
  const explanation = await page.getByTestId("send-explanation").textContent();
  assert.match(explanation, /Nothing answered on this machine/);
  assert.match(explanation, /not CORS/);
  assert.match(explanation, /hookcheck receive/);
  await screenshot(page, "send-failure-unreachable", { fullPage: true });
  await page.close();
});

test("a slow receiver past the timeout is explained as a timeout", async () => {
  const receiver = await startReceiver(["--delay-ms", "3000"]);
  try {
    const page = await openWith(webhook(`${receiver.url}hook`));
    await page.getByTestId("send-timeout").fill("1");
    const started = Date.now();
    const result = await sendAndWait(page, 1);
    const waited = Date.now() - started;
    assert.equal(await result.getAttribute("data-kind"), "timeout");
    assert.ok(waited >= 900 && waited < 2900, `gave up after ${waited} ms`);
    assert.match(await page.getByTestId("send-explanation").textContent(), /No reply within 1 s/);
    await screenshot(page, "send-failure-timeout", { fullPage: true });
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("Cancel stops a call in flight and says so", async () => {
  const receiver = await startReceiver(["--delay-ms", "5000"]);
  try {
    const page = await openWith(webhook(`${receiver.url}hook`));
    await page.getByTestId("send").click();
    await page.locator('[data-testid="send-result"][data-state="sending"]').waitFor();
    await page.getByTestId("send-cancel").click();
    const result = page.locator('[data-testid="send-result"][data-call="1"][data-state="failed"]');
    await result.waitFor({ timeout: 3_000 });
    assert.equal(await result.getAttribute("data-kind"), "cancelled");
    assert.match(await page.getByTestId("send-explanation").textContent(), /You cancelled the call after/);
    assert.equal(await page.getByTestId("send-cancel").count(), 0, "Cancel goes away");
    await screenshot(page, "send-failure-cancelled", { fullPage: true });
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("secrets bound for another host wait for confirmation, and nothing goes out on 'Don't send'", async () => {
  // .invalid never resolves; the call must not even be attempted.
  const page = await openWith(webhook("https://hooks.invalid/x", { Authorization: "Bearer e2e-token" }));
  await page.getByTestId("send").click();
  const confirm = page.getByTestId("send-confirm");
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /real value of Authorization to hooks\.invalid/);
  assert.ok(!(await confirm.textContent()).includes("e2e-token"));
  await page.getByTestId("send-confirm-no").click();
  await confirm.waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("send-result").getAttribute("data-state"), "idle");
  await page.close();
});

test("SNS is never sent, and the panel says why", async () => {
  const page = await openWith(
    JSON.stringify({
      provider: "aws-sns",
      topicArn: "arn:aws:sns:us-east-1:123456789012:hooks",
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "s3cr3t",
    }),
  );
  assert.ok(await page.getByTestId("send").isDisabled());
  assert.match(await page.getByTestId("send-refusal").textContent(), /Signature Version 4/);
  await page.close();
});

test("an invalid input cannot be sent", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await typeInto(page, '{"url": "https://example.com/hook",}');
  await page.getByTestId("send-refusal").waitFor();
  assert.ok(await page.getByTestId("send").isDisabled());
  await page.close();
});

test("latency from click to shown response against the local receiver", async () => {
  const receiver = await startReceiver();
  try {
    const page = await openWith(webhook(`${receiver.url}hook`));
    const runs = [];
    for (let i = 0; i < 11; i++) {
      runs.push(
        await page.evaluate(async () => {
          const before = document.querySelector('[data-testid="send-result"]').dataset.call;
          const t0 = performance.now();
          document.querySelector('[data-testid="send"]').click();
          const shown = await new Promise((resolve) => {
            const done = () => {
              const r = document.querySelector('[data-testid="send-result"]');
              return r && r.dataset.call !== before && r.dataset.state === "ok";
            };
            const observer = new MutationObserver(() => {
              if (done()) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          });
          // The next frame is when it is on screen.
          await new Promise((ok) => requestAnimationFrame(() => ok()));
          return { shown, painted: performance.now() - t0 };
        }),
      );
    }
    runs.shift(); // the first call warms the connection
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const shown = median(runs.map((r) => r.shown));
    const painted = median(runs.map((r) => r.painted));
    console.log(`# click-to-shown latency over ${runs.length} sends: median ${shown.toFixed(1)} ms in the DOM, ${painted.toFixed(1)} ms to the next frame; all: ${runs.map((r) => r.shown.toFixed(1)).join(", ")}`);
    assert.ok(shown < 1000, `median ${shown} ms`);
    await page.close();
  } finally {
    await receiver.close();
  }
});

test("the offline note follows the network as it drops and comes back, without a reload", async () => {
  const page = await openWith("http://127.0.0.1:9/hook");
  const note = page.getByTestId("send-offline");
  assert.equal(await note.count(), 0);
  await app.browser.setOffline(true);
  try {
    await note.waitFor();
  } finally {
    await app.browser.setOffline(false);
  }
  await note.waitFor({ state: "detached" });
  await page.close();
});
