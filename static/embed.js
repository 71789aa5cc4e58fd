// The script of the widget's page (embed.html): loads the widget's wasm module, which renders
// the widget because the page's <meta name="hookcheck"> says "widget" (docs/embedding.md).
import { load } from "./hookcheck-api.js";

await load();
