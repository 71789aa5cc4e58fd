// The app paired with a real `hookcheck relay`, end to end: the pairing link pairs the page
// (the token in sessionStorage only, the fragment gone from the address bar), the test call
// goes through the relay to a real `hookcheck receive --as slack`, and the destination's reply
// is explained in Slack's terms. Then each relay failure the panel must explain, for real.
// Every server listens on 127.0.0.1, and every call goes there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appInBrowser, assertReadable, screenshot, startReceiver, startRelay, typeInto, unusedPort } from "./harness.mjs";

const app = appInBrowser({ permissions: ["clipboard-read", "clipboard-write"] });

const TOKEN = "e2e-relay-token-0123456789abcdef";

/** A fresh page of the app opened with the pairing link of `port` and `token`. */
const openPaired = (port, token = TOKEN) => app.freshPage(`${app.server.url}#relay=${port}:${token}`);

/** Types `url` as the whole webhook, presses Send and waits for call 1's result. */
async function sendTo(page, url) {
  await typeInto(page, url);
  await page.getByTestId("preview-body").waitFor();
  await page.getByTestId("send").click();
  const result = page.locator('[data-testid="send-result"][data-call="1"]:not([data-state="sending"])');
  await result.waitFor({ timeout: 20_000 });
  return result;
}

test("paired with a real relay, a bare URL's call reaches receive --as slack and its 400 no_text is explained", async () => {
  const receiver = await startReceiver(["--as", "slack"]);
  const relay = await startRelay(["--token", TOKEN, "--allow-private", "--app", app.server.url]);
  try {
    const page = await openPaired(relay.port);
    const via = page.getByTestId("send-via");
    await via.waitFor();
    assert.match(await via.textContent(), new RegExp(`^via relay on 127\\.0\\.0\\.1:${relay.port}`));

    // The pairing link is spent: the token is kept for this tab only, and the address bar,
    // the history and a share link no longer carry it.
    assert.equal(page.url(), app.server.url);
    assert.equal(await page.evaluate(() => sessionStorage.getItem("hookcheck.relay")), `${relay.port}:${TOKEN}`);
    const kept = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).join("\n"));
    assert.ok(!kept.includes(TOKEN), "localStorage holds no token");
    await page.getByTestId("share").click();
    const link = await page.getByTestId("share-link").inputValue();
    assert.ok(link.startsWith(`${app.server.url}#s=`), link);
    const shared = Buffer.from(link.split("#s=")[1], "base64url").toString("utf8");
    assert.ok(!link.includes(TOKEN) && !shared.includes(TOKEN), "a share link carries no token");

    const result = await sendTo(page, `${receiver.url}hook`);
    assert.equal(await result.getAttribute("data-state"), "failed", await result.textContent());
    assert.match(await page.getByTestId("send-status").textContent(), /^400 Bad Request/);
    assert.equal((await page.getByTestId("send-response-body").textContent()).trim(), "no_text");
    const verdict = page.getByTestId("send-verdict");
    assert.equal(await verdict.getAttribute("data-destination"), "slack");
    assert.match(await verdict.textContent(), /^Slack found no text/);

    // It came from the relay, server to server: one POST, no preflight, no browser headers.
    const arrived = await receiver.requests();
    assert.deepEqual(arrived.map((r) => `${r.method} ${r.path}`), ["POST /hook"]);
    const names = arrived[0].headers.map(([name]) => name);
    for (const browserOnly of ["origin", "sec-fetch-mode", "user-agent"]) {
      assert.ok(!names.includes(browserOnly), `${browserOnly} was not sent: ${names}`);
    }
    assert.deepEqual(await receiver.preflights(), []);

    await screenshot(page, "send-via-relay", { fullPage: true });
    await assertReadable(page, "a reply through the relay");
    await page.close();
  } finally {
    await relay.close();
    await receiver.close();
  }
});

test("an embedded widget opened with a pairing link pairs nothing", async () => {
  const page = await app.browser.newPage();
  await page.goto(`${app.server.url}embed.html#relay=8788:${TOKEN}`);
  await page.getByTestId("validity").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("hookcheck.relay")), null);
  assert.equal(await page.getByTestId("send-via").count(), 0);
  await page.close();
});

test("a pairing with a wrong token is explained, and nothing reaches the target", async () => {
  const receiver = await startReceiver(["--as", "slack"]);
  const relay = await startRelay(["--token", TOKEN, "--allow-private", "--app", app.server.url]);
  try {
    const page = await openPaired(relay.port, "not-the-relays-token-0123456789");
    const result = await sendTo(page, `${receiver.url}hook`);
    assert.equal(await result.getAttribute("data-kind"), "relay-token");
    const explained = await page.getByTestId("send-explanation").textContent();
    assert.match(explained, /The relay refused the token/);
    assert.match(explained, /pairing link/);
    assert.deepEqual(await receiver.requests(), []);
    await page.close();
  } finally {
    await relay.close();
    await receiver.close();
  }
});

test("a relay without --allow-private refuses a target on this machine, says why and names the option", async () => {
  const receiver = await startReceiver(["--as", "slack"]);
  const relay = await startRelay(["--token", TOKEN, "--app", app.server.url]);
  try {
    const page = await openPaired(relay.port);
    const result = await sendTo(page, `${receiver.url}hook`);
    assert.equal(await result.getAttribute("data-kind"), "relay-private-target");
    const explained = await page.getByTestId("send-explanation").textContent();
    assert.match(explained, /The relay refused the target/);
    assert.match(explained, /`127\.0\.0\.1` is a loopback address/);
    assert.match(explained, /--allow-private/);
    assert.deepEqual(await receiver.requests(), []);
    await page.close();
  } finally {
    await relay.close();
    await receiver.close();
  }
});

test("a relay that is not running is explained with the command that starts one for this page", async () => {
  const page = await openPaired(await unusedPort());
  const result = await sendTo(page, "http://127.0.0.1:9/hook");
  assert.equal(await result.getAttribute("data-kind"), "relay-not-running");
  const explained = await page.getByTestId("send-explanation").textContent();
  assert.match(explained, /The relay is not running/);
  assert.ok(explained.includes(`hookcheck relay --app '${app.server.url}'`), explained);
  await page.close();
});

test("a relay started for another page answers, but not this page, and says which --app to give", async () => {
  const relay = await startRelay(["--token", TOKEN, "--app", "http://127.0.0.1:1/"]);
  try {
    const page = await openPaired(relay.port);
    const result = await sendTo(page, "http://127.0.0.1:9/hook");
    assert.equal(await result.getAttribute("data-kind"), "relay-page-refused");
    const explained = await page.getByTestId("send-explanation").textContent();
    assert.match(explained, /The relay does not serve this page/);
    assert.ok(explained.includes(`--app '${app.server.url}'`), explained);
    await page.close();
  } finally {
    await relay.close();
  }
});

test("unpaired, a Slack URL offers the exact relay command for this page, beside curl", async () => {
  const page = await app.freshPage();
  await typeInto(page, "https://hooks.slack.com/services/T000/B000/XXXXXXXX");
  await page.getByTestId("send-relay-offer").waitFor();
  assert.equal(
    await page.getByTestId("send-relay-command").textContent(),
    `hookcheck relay --app '${app.server.url}'`,
  );
  await page.getByTestId("send-destination-curl").waitFor();
  assert.equal(await page.getByTestId("send").isEnabled(), true);
  await page.close();
});
