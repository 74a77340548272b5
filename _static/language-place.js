// @ts-check
/* Switching language keeps the reader's place: the page's anchor when the other language
 * has it (explicit labels are the same in every language), else the same share of the
 * page scrolled. The place travels in sessionStorage, for the next page only. */
(function () {
  "use strict";
  const KEY = "handbook-language-place";
  const bare = (/** @type {string} */ address) => address.split("#")[0];
  const scrollable = () => Math.max(1, document.documentElement.scrollHeight - innerHeight);

  document.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    const link = target.closest && target.closest(".language-switcher a[hreflang]:not([aria-current])");
    if (!(link instanceof HTMLAnchorElement)) return;
    if (location.hash) link.hash = location.hash;
    try {
      const place = { to: bare(link.href), hash: location.hash, share: scrollY / scrollable() };
      sessionStorage.setItem(KEY, JSON.stringify(place));
    } catch (error) {
      /* no storage: the new page opens at its top */
    }
  });

  let place = null;
  try {
    place = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
  } catch (error) {
    place = null;
  }
  if (!place || place.to !== bare(location.href) || typeof place.share !== "number") return;
  if (place.hash && document.getElementById(decodeURIComponent(place.hash.slice(1)))) return;
  addEventListener("load", () => scrollTo(0, place.share * scrollable()));
})();
