// hookcheck's service worker: after the first visit the app loads, validates and previews
// with no network (SPEC §4.1).
//
// Trunk copies this file to the root of dist/ so that its scope is the whole app, and the
// post_build hook tools/precache-manifest.mjs writes this build's file list and version
// below (the placeholders stay in the source). How a new version takes over:
//   - every build has its own cache, named after a hash of every precached file;
//   - a new build changes this file's bytes, so the browser installs the new worker, which
//     fetches the whole new file set into the new cache before it activates;
//   - on activation it deletes every older hookcheck cache, so no old wasm outlives it;
//   - pages are fetched from the network first (a deploy shows at once) and from the cache
//     only when the network fails; Trunk's hashed file names mean a page only ever asks for
//     the JS and wasm of its own build, so new JS never meets stale wasm.
"use strict";

const VERSION = "__HOOKCHECK_VERSION__";
const PRECACHE = [/* __HOOKCHECK_PRECACHE__ */];

const PREFIX = "hookcheck-";
const CACHE = PREFIX + VERSION;
const BUILT = !VERSION.startsWith("__");
const SCOPE = new URL(self.registration.scope);
// Paths relative to the scope: "index.html", "hookcheck-web-<hash>_bg.wasm", ...
const PRECACHED = new Set(PRECACHE);

self.addEventListener("install", (event) => {
  if (!BUILT) return; // an unprocessed copy (no hook ran): cache nothing
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // A content-hashed file (Trunk's `name-<16 hex>.ext`) can only ever hold these bytes,
      // so the copy the page just downloaded is taken from the HTTP cache: the first visit
      // does not transfer the wasm twice. Every other file skips the HTTP cache (`reload`),
      // so the new cache never holds an old copy.
      await cache.addAll(
        PRECACHE.map(
          (path) =>
            new Request(new URL(path, SCOPE), {
              cache: /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path) ? "default" : "reload",
            }),
        ),
      );
      await self.skipWaiting();
    })(),
  );
});

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
    event.respondWith(page(request, path));
  } else if (PRECACHED.has(path)) {
    event.respondWith(asset(request, path));
  }
});

/** A page: the network's copy when there is one, else this build's cached copy. */
async function page(request, path) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const name = path === "" || path.endsWith("/") ? path + "index.html" : path;
    const cached =
      (PRECACHED.has(name) && (await cache.match(new URL(name, SCOPE)))) ||
      (await cache.match(new URL("index.html", SCOPE)));
    if (cached) return cached;
    throw offline;
  }
}

/** A file of this build: from this build's cache (names are content-hashed), else the network. */
async function asset(request, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(new URL(path, SCOPE));
  return cached ?? fetch(request);
}
