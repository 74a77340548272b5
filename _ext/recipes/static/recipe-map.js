/* The reader's own progress on the map and recipe cards: counts the ticks recipes.js
   saved (localStorage "<namespace>:recipe-progress", {version: 1, ticks: {recipe: {item:
   "YYYY-MM-DD"}}}) for the items each recipe has now. Reads only; never writes. */
(() => {
  "use strict";
  const ns = document.querySelector('meta[name="recipes-namespace"]')?.content;
  const spots = document.querySelectorAll(".recipe-map-progress[data-recipe]");
  if (!ns || !spots.length) return;
  let ticks = null;
  try {
    const raw = window.localStorage.getItem(ns + ":recipe-progress");
    const data = raw === null ? { version: 1, ticks: {} } : JSON.parse(raw);
    if (data && data.version === 1 && data.ticks && typeof data.ticks === "object") ticks = data.ticks;
  } catch (e) {
    ticks = null;
  }
  // Storage blocked or a record this script cannot read: the build's item counts stay.
  if (!ticks) return;
  for (const spot of spots) {
    const done = ticks[spot.dataset.recipe];
    const items = spot.dataset.items.split(" ");
    const count = done && typeof done === "object"
      ? items.filter((item) => Object.prototype.hasOwnProperty.call(done, item)).length : 0;
    spot.querySelector(".recipe-map-count").textContent = spot.dataset.msgProgress
      .replace("{done}", count).replace("{total}", items.length);
    const bar = spot.querySelector("progress");
    bar.value = count;
    spot.classList.add("recipe-map-live");
    spot.classList.toggle("recipe-map-started", count > 0);
    spot.classList.toggle("recipe-map-finished", count === items.length);
  }
})();
