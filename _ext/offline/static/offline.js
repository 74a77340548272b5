// @ts-check
/* Offline after one visit: registers the language's service worker (sw.js at the root of
 * the language's pages, written by _ext/offline), which keeps the pages for offline use. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const root = document.documentElement.dataset.content_root || "./";
  navigator.serviceWorker.register(new URL(root + "sw.js", location.href)).catch(() => undefined);
})();
