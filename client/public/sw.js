/**
 * Ideamill's service worker: a board's page loads again while the browser is offline (a reload
 * on a train, a phone's browser bringing back a tab it had put away), instead of the browser's
 * own "no connection" page. It keeps the web client's own files only: the page (index.html)
 * and the built assets it has loaded. No board content and no API answer is kept here: the
 * page keeps its own copy of the board (src/sync/board-copy.ts) and shows it, and sends the
 * changes it kept once the connection is back.
 *
 * The page is asked for over the network first, so a server upgraded meanwhile is seen at once;
 * assets carry a content hash in their names, so a kept one is always the right one.
 */
const PAGE_CACHE = 'ideamill-page-v1';
const ASSET_CACHE = 'ideamill-assets-v1';
const PAGE_KEY = '/index.html';
/** The addresses that answer with the page: the start page and board links. */
const PAGE_PATH = /^\/(b\/[^/]+\/?)?$/;
const ASSET_NAME = /\/assets\/[^"'\s)]+/g;

// Installing keeps the page at once: the first visit's own page came before this worker did.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const response = await fetch('/', { cache: 'no-cache' });
        if (response.ok) await keepPage(response, Promise.resolve([]));
      } catch {
        // Offline while installing: the next page that loads keeps itself.
      }
      await self.skipWaiting();
    })(),
  );
});

// The page names the assets it loaded before this worker took it over (its first visit): kept,
// so that a reload while offline finds them.
self.addEventListener('message', (event) => {
  const urls = event.data?.keep;
  if (Array.isArray(urls)) event.waitUntil(keepAssets(urls));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== PAGE_CACHE && name !== ASSET_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && PAGE_PATH.test(url.pathname)) {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
  }
  // Everything else (the API, Socket.io, y-websocket, /healthz) goes to the network untouched.
});

/**
 * A proxy's own answers while the server behind it is down (a restart during an upgrade); the
 * page's API helper (src/app/api.ts) reads them as the server unreachable too.
 */
const GATEWAY_DOWN = new Set([502, 503, 504]);

/**
 * The page from the network, kept for next time; the kept one where the network fails or a
 * proxy says the server is down (the page then says it is not connected, and tries again).
 */
async function page(event) {
  // The assets kept before this page came: a build's lazily loaded parts that arrive after it
  // are not let go of with the build before. Read beside the network's answer, not before it.
  const assetsBefore = caches.open(ASSET_CACHE).then((cache) => cache.keys());
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = await keptPage();
    if (kept) return kept;
    throw error;
  }
  if (response.ok && response.type === 'basic') {
    event.waitUntil(keepPage(response.clone(), assetsBefore));
  } else if (GATEWAY_DOWN.has(response.status)) {
    return (await keptPage()) ?? response;
  }
  return response;
}

async function keptPage() {
  const cache = await caches.open(PAGE_CACHE);
  return cache.match(PAGE_KEY, { ignoreVary: true });
}

/**
 * Keeps a new page, and lets go of the assets of builds before it: once its build differs,
 * those kept before it came that it does not name are dropped (its lazily loaded parts are
 * kept as they load). The caches then hold one build, not every build the server has served.
 */
async function keepPage(response, assetsBefore) {
  const text = await response.clone().text();
  const before = await keptPage();
  const beforeText = before ? await before.text() : null;
  await (await caches.open(PAGE_CACHE)).put(PAGE_KEY, response);
  if (beforeText === null || beforeText === text) return;
  const named = new Set(text.match(ASSET_NAME) ?? []);
  const assets = await caches.open(ASSET_CACHE);
  for (const kept of await assetsBefore) {
    if (!named.has(new URL(kept.url).pathname)) await assets.delete(kept);
  }
}

async function keepAssets(urls) {
  const cache = await caches.open(ASSET_CACHE);
  for (const href of urls) {
    if (typeof href !== 'string') continue;
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
    if (await cache.match(url.href, { ignoreVary: true })) continue;
    try {
      const response = await fetch(url.href);
      if (response.status === 200) await cache.put(url.href, response);
    } catch {
      // Gone offline meanwhile: it is kept the next time it loads.
    }
  }
}

/** An asset kept from before, else from the network, kept as it comes. */
async function asset(request) {
  const cache = await caches.open(ASSET_CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic') {
    await cache.put(request, response.clone());
  }
  return response;
}
