// TypeScript declarations of hookcheck's JS API (hookcheck-api.js) and of the messages its
// embed widget posts (docs/embedding.md). GENERATED from crates/core/src/api.rs by
// `cargo test -p hookcheck-core`: do not edit; refresh with
// `HOOKCHECK_BLESS=1 cargo test -p hookcheck-core --lib api::`.
// tests/e2e/api-types.test.mjs compiles what the API really returns against them.

/** The postMessage protocol version of the widget built with this API. */
export const PROTOCOL_VERSION: 1;

/** The input mode: the Webhook field, or a Run Options string holding `#webhook`. */
export type Mode = "webhook" | "run-options";

/** The testRTC product whose webhook the text is: testingRTC tests and upRTC monitors, watchRTC alerts or qualityRTC results. */
export type Product = "test" | "watchrtc" | "qualityrtc";

/** What the webhook call is about, whose request to preview: a run's success, warnings or failure (test), an alert (watchrtc) or a result (qualityrtc). */
export type Outcome = "success" | "warnings" | "failure" | "alert" | "result";

/** How bad a finding is. Only errors make the input invalid. */
export type Severity = "error" | "warning" | "info";

/**
 * A mechanical repair: replace the bytes `start..end` of the text with `replacement`.
 * Serialized flat, as `{title, start, end, replacement}`.
 */
export type Fix = {
  /** What the fix does, as a button label: "Remove the trailing comma". */
  title: string,
  replacement: string,
  start: number,
  end: number,
};

/**
 * One finding, its span given both as bytes and as lines and columns: the shape of the
 * CLI's `--json`, the app's list and the JS API. Offsets are bytes of the UTF-8 text; lines
 * and columns are 1-based, columns counted in Unicode characters.
 */
export type Diagnostic = {
  severity: Severity,
  /** A stable kebab-case rule code, documented in the rule catalog (docs/rules.md). */
  code: string,
  /** One sentence saying what is wrong. */
  message: string,
  /** What to do about it. */
  help: string | null,
  start: number,
  end: number,
  line: number,
  column: number,
  end_line: number,
  end_column: number,
  /** Absent from the JSON when there is none. */
  fix?: Fix,
};

/**
 * A service hookcheck recognises from the URL (docs/destinations.md lists them):
 * `{"id": "slack", "name": "Slack incoming webhook"}`.
 */
export type Destination = {
  /** A stable id: "slack", "discord", "google-chat", "teams-workflow", "pagerduty", … */
  id: string,
  /** Its name, "probably …" for self-hosted tools recognised by their path alone. */
  name: string,
};

/** The destination's verdict on one request: `{"arrives": false, "reply": "400 no_text"}`. */
export type Arrival = {
  arrives: boolean,
  /** The reply the service refuses it with; `null` when it arrives. */
  reply: string | null,
};

/**
 * Findings of one code past the first 100, which a check counts but does not list:
 * `{"code": "json-trailing-comma", "severity": "error", "count": 4}`.
 */
export type Omitted = {
  /** The rule code, as in `diagnostics`. */
  code: string,
  severity: Severity,
  /** How many findings of the code are not listed. */
  count: number,
};

/**
 * The verdict on a text: what `validate()` and the widget's `hookcheck:result`
 * message both say about it.
 */
export type Verdict = {
  /**
   * testRTC's verdict: no error of testRTC's rules (warnings never make a text invalid,
   * and neither does the destination).
   */
  valid: boolean,
  /** The mode the text was checked in. */
  mode: Mode,
  /**
   * The destination's verdict, apart from `valid`: whether the service the URL names
   * accepts every outcome's request; `null` when no service is recognised (or the text
   * is invalid).
   */
  arrives: boolean | null,
};

/** What `check --json` prints and `validate()` returns. */
export type CheckResult = {
  /**
   * Sorted by position, then severity: every distinct problem, but at most 100 of one
   * code.
   */
  diagnostics: Array<Diagnostic>,
  /** For each code with more findings than `diagnostics` lists, how many more. */
  omitted: Array<Omitted>,
  /** The service the URL names, when hookcheck recognises it. */
  destination: Destination | null,
  /**
   * testRTC's verdict: no error of testRTC's rules (warnings never make a text invalid,
   * and neither does the destination).
   */
  valid: boolean,
  /** The mode the text was checked in. */
  mode: Mode,
  /**
   * The destination's verdict, apart from `valid`: whether the service the URL names
   * accepts every outcome's request; `null` when no service is recognised (or the text
   * is invalid).
   */
  arrives: boolean | null,
};

/**
 * What `preview --json` prints and `preview()` returns: the request testRTC sends, header
 * values as sent (the text came from whoever asks), and the exact body bytes.
 */
export type RequestPreview = {
  method: string,
  url: string,
  /** `[name, value]` pairs in the order they are sent. */
  headers: [name: string, value: string][],
  body: string,
  /** The service the URL names, when hookcheck recognises it. */
  destination: Destination | null,
  /** Whether that service accepts this request; `null` when none is recognised. */
  arrival: Arrival | null,
};

/**
 * The fields of `hookcheck:result` besides its `type`: the verdict, and how many errors and
 * warnings (those a check counts but does not list included).
 */
export type ResultMessage = {
  version: typeof PROTOCOL_VERSION,
  errors: number,
  warnings: number,
  /**
   * testRTC's verdict: no error of testRTC's rules (warnings never make a text invalid,
   * and neither does the destination).
   */
  valid: boolean,
  /** The mode the text was checked in. */
  mode: Mode,
  /**
   * The destination's verdict, apart from `valid`: whether the service the URL names
   * accepts every outcome's request; `null` when no service is recognised (or the text
   * is invalid).
   */
  arrives: boolean | null,
};

/**
 * A message the embed widget posts to its host page with `postMessage` (docs/embedding.md).
 * Each names its `type` and the protocol `version`; none holds the checked text, or anything
 * taken from it (it may hold secrets).
 */
export type WidgetMessage = {
  "type": "hookcheck:ready",
  version: typeof PROTOCOL_VERSION,
} | {
  "type": "hookcheck:result"
} & ResultMessage | {
  "type": "hookcheck:height",
  version: typeof PROTOCOL_VERSION,
  height: number,
} | {
  "type": "hookcheck:error",
  version: typeof PROTOCOL_VERSION,
  /** `unsupported-version`, `unknown-type` or `invalid-field`. */
  error: string,
  /** What to send instead, for the host author's console. */
  message: string,
};

/** Documented variables to override in the sample data of `"test"`, such as
 * `{testName: "Checkout", runType: "monitor"}` (the CLI's `--set`); the other
 * products preview their documented sample. */
export type Sample = Record<string, string | number>;

export interface HookcheckApi {
  /** Checks `text` as `product`'s webhook; `mode` defaults to `"auto"`, `product` to
   * `"test"`. Throws a TypeError for an unknown mode or product. */
  validate(text: string, mode?: Mode | "auto", product?: Product): CheckResult;
  /** The request of `outcome`, or `null` when the text is invalid. `outcome` defaults to
   * the product's first (`"success"` for `"test"`); without `product`, the product is
   * the outcome's. Throws a TypeError for an outcome of another product. */
  preview(text: string, outcome?: Outcome, sample?: Sample, product?: Product): RequestPreview | null;
}

/** Loads the wasm module once per page and resolves to the API, whose calls are synchronous. */
export function load(): Promise<HookcheckApi>;

/** `validate` after awaiting `load()`. */
export function validate(text: string, mode?: Mode | "auto", product?: Product): Promise<CheckResult>;

/** `preview` after awaiting `load()`. */
export function preview(text: string, outcome?: Outcome, sample?: Sample, product?: Product): Promise<RequestPreview | null>;
