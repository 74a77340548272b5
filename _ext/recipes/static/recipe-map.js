// @ts-check
/* The reader's own progress on the map and recipe cards: counts the items ticked in the
   progress (read through progress.js) for the items each recipe has now, and counts again
   when another tab changes it. Only looks: an unreadable record keeps the build's counts. */
import * as P from "./progress.js";

const meta = (/** @type {string} */ name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
const ns = meta("recipes-namespace"), idRule = meta("recipes-id-pattern");
const spots = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".recipe-map-progress[data-recipe]"));
const store = ns && idRule && spots.length ? P.openStore(ns, new RegExp(idRule)) : null;
// Storage blocked: the build's item counts stay.
if (store && !store.problem) {
  const paint = () => {
    const items = store.read(true)?.items;
    if (!items) return;
    for (const spot of spots) {
      const done = items[/** @type {string} */ (spot.dataset.recipe)] || {};
      const ids = (spot.dataset.items || "").split(" ");
      const count = ids.filter((item) => done[item]?.done).length;
      /** @type {Element} */ (spot.querySelector(".recipe-map-count")).textContent = P.fill(spot.dataset.msgProgress, { done: count, total: ids.length });
      /** @type {HTMLProgressElement} */ (spot.querySelector("progress")).value = count;
      spot.classList.add("recipe-map-live");
      spot.classList.toggle("recipe-map-started", count > 0);
      spot.classList.toggle("recipe-map-finished", count === ids.length);
    }
  };
  store.watch(paint);
  paint();
}
