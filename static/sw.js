// hookcheck's service worker: after the first visit to a page (the app's, index.html, or the
// widget's, embed.html), that page loads, validates and previews with no network (SPEC §4.1).
//
// Trunk copies this file to the root of dist/ so that its scope is the whole app, and the
// post_build hook tools/precache-manifest.mjs writes this build's version and each page's
// files below (the placeholders stay in the source).
//
// Each page caches its own files only: a visit to the app does not download the widget's wasm
// module, and a docs page that embeds the widget does not make each reader download the app's.
// The page that registers the worker names itself in the script's address, `/sw.js?page=app`
// or `/sw.js?page=widget` (src/boot.rs), and the worker precaches that page's files at
// install, just after the page downloaded them. Why so:
//   - both pages register the same scope, `/`, so an origin has one registration, one worker
//     at a time and one cache per build: activation, which deletes the other hookcheck caches,
//     never deletes a cache another registration still uses. The widget's old address
//     (`/?embed=1`) and the docs pages both pages link to are in that scope;
//   - a visit to the other page registers the other address, which replaces the worker by one
//     of the same build (so the same cache) that adds that page's files to it, fetching only
//     what the cache lacks: both pages are then cached;
//   - a new build's worker precaches every page whose page file an older cache holds, as well
//     as the page that registered it: an update keeps every page that worked offline working;
//   - caching files as pages fetch them would miss the first visit, whose files are fetched
//     before the worker exists; a message from the page to the worker would cost the wasm
//     bytes that the budget does not have.
//
// How a new version takes over:
//   - every build has its own cache, named after a hash of every file of the build;
//   - a new build changes this file's bytes, so the browser installs the new worker, which
//     fetches the new files into the new cache before it activates;
//   - on activation it deletes every older hookcheck cache, so no old wasm outlives it;
//   - pages are fetched from the network first (a deploy shows at once) and from the cache
//     only when the network fails; Trunk's hashed file names mean a page only ever asks for
//     the JS and wasm of its own build, and the worker answers only with files of its own
//     build, from its own cache, so new JS never meets stale wasm.
"use strict";

const VERSION = "__HOOKCHECK_VERSION__";
/** Each page's page file and the files it caches: {app: {page, files}, widget: {page, files}}. */
const PAGES = {/* __HOOKCHECK_PAGES__ */};

const PREFIX = "hookcheck-";
const CACHE = PREFIX + VERSION;
const BUILT = !VERSION.startsWith("__");
const SCOPE = new URL(self.registration.scope);
/** The page that registered this worker: `app` or `widget` (`?page=`). */
const REGISTERED_BY = new URL(self.location.href).searchParams.get("page");
// Paths relative to the scope: "index.html", "hookcheck-web-<hash>_bg.wasm", ...
const BUILD = new Set(Object.values(PAGES).flatMap(({ files }) => files));

self.addEventListener("install", (event) => {
  if (!BUILT) return; // an unprocessed copy (no hook ran): cache nothing
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const wanted = new Set();
      for (const name of await pagesToCache()) PAGES[name].files.forEach((file) => wanted.add(file));
      const missing = [];
      for (const file of wanted) {
        if (!(await cache.match(new URL(file, SCOPE)))) missing.push(file);
      }
      // A content-hashed file (`name-<hex>.ext`, Trunk's hash written without leading zeros)
      // can only ever hold these bytes, so the copy the page just downloaded is taken from the
      // HTTP cache: the first visit does not transfer the wasm twice. Every other file skips
      // the HTTP cache (`reload`), so the new cache never holds an old copy.
      await cache.addAll(
        missing.map(
          (path) =>
            new Request(new URL(path, SCOPE), {
              cache: /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(path) ? "default" : "reload",
            }),
        ),
      );
      await self.skipWaiting();
    })(),
  );
});

/** The page that registered this worker, and every page whose page file a hookcheck cache holds. */
async function pagesToCache() {
  const pages = new Set(Object.hasOwn(PAGES, REGISTERED_BY) ? [REGISTERED_BY] : []);
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    for (const [page, { page: file }] of Object.entries(PAGES)) {
      if (await cache.match(new URL(file, SCOPE))) pages.add(page);
    }
  }
  return pages;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!BUILT || request.method !== "GET") return;
  const url = new URL(request.url);
  // Only this app's own files: the test call and everything cross-origin go untouched.
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === "navigate") {
    event.respondWith(page(request, url, path));
  } else if (BUILD.has(path)) {
    event.respondWith(asset(request, path));
  }
});

/**
 * A page: the network's copy when there is one, else this build's cached copy. Offline, the
 * widget's old address (`/?embed=1&…`) goes to embed.html as the app's loader would send it
 * (tools/externalize-loader.mjs), so it works where only the widget's page was cached; any
 * other address that is not a file of the build gets the app's page.
 */
async function page(request, url, path) {
  try {
    return await fetch(request);
  } catch (offline) {
    const name = path === "" || path.endsWith("/") ? path + "index.html" : path;
    if (name === PAGES.app.page && asksForWidget(url)) {
      return Response.redirect(new URL(PAGES.widget.page + url.search, SCOPE).href, 302);
    }
    const cache = await caches.open(CACHE);
    const cached = await cache.match(new URL(BUILD.has(name) ? name : PAGES.app.page, SCOPE));
    if (cached) return cached;
    throw offline;
  }
}

/** Whether the query asks for the widget, read as the loader reads it: the last `embed=`. */
function asksForWidget(url) {
  const embed = url.searchParams.getAll("embed").at(-1);
  return embed !== undefined && ["", "1", "true", "yes"].includes(embed);
}

/** A file of this build: from this build's cache (names are content-hashed), else the network. */
async function asset(request, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(new URL(path, SCOPE));
  return cached ?? fetch(request);
}
