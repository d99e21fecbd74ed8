// Folio's service worker: keeps the app shell and its hashed assets so Folio opens offline.
// It never sees vault data (that lives in IndexedDB and never crosses fetch).
// The build (.ci/post_build.py) fills in the release's file list and version.
const VERSION = '__FOLIO_VERSION__';
const PRECACHE = __FOLIO_PRECACHE__;
const CACHE = `folio-${VERSION}`;

self.addEventListener('install', (event) => {
  // A new release waits until the page says so: no code is swapped under an unlocked vault.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('folio-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'folio-apply-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page of the single-page app is the same shell.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('/index.html'))
      .then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request))
    .then((cached) => cached || fetch(request)));
});
