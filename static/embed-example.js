// The script of the embedding example (embed-example.html): an iframe widget driven over
// postMessage, and a Save button gated by the JS API. Copy what you need; the protocol is
// in docs/embedding.md.
import { load } from "./hookcheck-api.js";

// Where hookcheck is served. On your page: new URL("https://hookcheck.example.com/").
const HOOKCHECK = new URL("./", import.meta.url);

// ---- 1. The iframe widget ------------------------------------------------------------

const frame = document.getElementById("widget");
const hostInput = document.getElementById("host-input");
const widgetStatus = document.querySelector('[data-testid="widget-status"]');

const widgetUrl = new URL("embed.html", HOOKCHECK);
// origin= tells the widget which page may talk to it; it ignores every other origin.
widgetUrl.search = new URLSearchParams({ origin: location.origin }).toString();
frame.src = widgetUrl.href;

function setWidgetText() {
  frame.contentWindow.postMessage(
    { type: "hookcheck:set", version: 1, text: hostInput.value },
    widgetUrl.origin, // never "*": the text may hold credentials
  );
}

window.addEventListener("message", (event) => {
  // Only the widget's own messages: its origin, from its frame.
  if (event.origin !== widgetUrl.origin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (message?.version !== 1) return;
  switch (message.type) {
    case "hookcheck:ready":
      setWidgetText(); // the widget listens from now on
      break;
    case "hookcheck:result":
      widgetStatus.textContent = message.valid
        ? `Valid (${plural(message.warnings, "warning")})`
        : `Invalid: ${plural(message.errors, "error")}, ${plural(message.warnings, "warning")}`;
      break;
    case "hookcheck:height":
      frame.style.height = `${message.height}px`;
      break;
    case "hookcheck:error":
      console.warn(`hookcheck widget: ${message.message}`);
      break;
  }
});
hostInput.addEventListener("input", setWidgetText);

// ---- 2. The JS API -------------------------------------------------------------------

const form = document.getElementById("api-form");
const apiInput = document.getElementById("api-input");
const save = document.getElementById("save");
const saved = document.getElementById("saved");
const apiStatus = document.querySelector('[data-testid="api-status"]');
const apiPreview = document.getElementById("api-preview");

const hookcheck = await load(); // one wasm load for the whole page

function check() {
  const { valid, diagnostics } = hookcheck.validate(apiInput.value);
  save.disabled = !valid;
  saved.hidden = true;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  apiStatus.textContent = valid
    ? `Valid (${plural(warnings.length, "warning")})`
    : `${errors[0].message} (line ${errors[0].line}, column ${errors[0].column})`;
  const request = valid ? hookcheck.preview(apiInput.value, "success") : null;
  apiPreview.textContent = request
    ? `${request.method} ${request.url}\n${request.headers.map(([n, v]) => `${n}: ${v}`).join("\n")}\n\n${request.body}`
    : "";
}

apiInput.addEventListener("input", check);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (hookcheck.validate(apiInput.value).valid) saved.hidden = false; // your save goes here
});
check();

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
