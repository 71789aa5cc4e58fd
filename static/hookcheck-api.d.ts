// TypeScript declarations of hookcheck's JS API (hookcheck-api.js; docs/embedding.md).
// The shapes are the CLI's `check --json` and `preview --json` documents
// (crates/core/src/api.rs); tests/e2e/api-types.test.mjs compiles what the API really returns
// against these declarations, so they cannot drift apart.

/** How serious a finding is: an error makes the text invalid; warnings and info never do. */
export type Severity = "error" | "warning" | "info";

/** The input mode: the Webhook field, or a Run Options string holding `#webhook`. */
export type Mode = "webhook" | "run-options";

/** The run outcome whose request to preview. */
export type Outcome = "success" | "warnings" | "failure";

/** A mechanical repair: replace the bytes `start..end` of the text with `replacement`. */
export interface Fix {
  /** What the fix does, as a button label. */
  title: string;
  start: number;
  end: number;
  replacement: string;
}

/** One finding. Offsets are bytes of the UTF-8 text; lines and columns are 1-based, columns
 * counted in Unicode characters. */
export interface Diagnostic {
  severity: Severity;
  /** A stable kebab-case rule code, documented in the rule catalog (docs/rules.md). */
  code: string;
  message: string;
  help: string | null;
  start: number;
  end: number;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  fix?: Fix;
}

/** A service hookcheck recognises from the URL (docs/destinations.md lists them). */
export interface Destination {
  /** A stable id: "slack", "discord", "google-chat", "teams-workflow", "pagerduty", … */
  id: string;
  /** Its name, "probably …" for self-hosted tools recognised by their path alone. */
  name: string;
}

/** Findings of one code past the first 100, which a check counts but does not list. */
export interface Omitted {
  code: string;
  severity: Severity;
  count: number;
}

/** What `validate` returns. */
export interface CheckResult {
  valid: boolean;
  mode: Mode;
  /** Every distinct problem, but at most 100 of one code. */
  diagnostics: Diagnostic[];
  /** For each code with more findings than `diagnostics` lists, how many more. */
  omitted: Omitted[];
  destination: Destination | null;
}

/** What `preview` returns: the request testRTC sends, header values as sent, and the exact
 * body bytes. */
export interface RequestPreview {
  method: string;
  url: string;
  headers: [name: string, value: string][];
  body: string;
  destination: Destination | null;
}

/** Documented variables to override in the sample data, such as
 * `{testName: "Checkout", runType: "monitor"}` (the CLI's `--set`). */
export type Sample = Record<string, string | number>;

export interface HookcheckApi {
  /** Checks `text`; `mode` defaults to `"auto"`. Throws a TypeError for an unknown mode. */
  validate(text: string, mode?: Mode | "auto"): CheckResult;
  /** The request of `outcome` (default `"success"`), or `null` when the text is invalid. */
  preview(text: string, outcome?: Outcome, sample?: Sample): RequestPreview | null;
}

/** The postMessage protocol version of the widget built with this API. */
export const PROTOCOL_VERSION: 1;

/** Loads the wasm module once per page and resolves to the API, whose calls are synchronous. */
export function load(): Promise<HookcheckApi>;

/** `validate` after awaiting `load()`. */
export function validate(text: string, mode?: Mode | "auto"): Promise<CheckResult>;

/** `preview` after awaiting `load()`. */
export function preview(text: string, outcome?: Outcome, sample?: Sample): Promise<RequestPreview | null>;
