/* The reader's own progress on the map and recipe cards: counts the items recipes.js
   saved as done (localStorage "<namespace>:recipe-progress"; version 2 {items: {recipe:
   {item: {done: "YYYY-MM-DD", ...}}}}, or a not yet migrated version 1 {ticks: {recipe:
   {item: "YYYY-MM-DD"}}}) for the items each recipe has now. Reads only; never writes. */
(() => {
  "use strict";
  const ns = document.querySelector('meta[name="recipes-namespace"]')?.content;
  const spots = document.querySelectorAll(".recipe-map-progress[data-recipe]");
  if (!ns || !spots.length) return;
  let ticks = null;
  try {
    const raw = window.localStorage.getItem(ns + ":recipe-progress");
    const data = raw === null ? { version: 2, items: {} } : JSON.parse(raw);
    const map = (value) => value && typeof value === "object" && !Array.isArray(value);
    if (map(data) && data.version === 1 && map(data.ticks)) ticks = data.ticks;
    if (map(data) && data.version === 2 && map(data.items)) ticks = data.items;
  } catch (e) {
    ticks = null;
  }
  // Storage blocked or a record this script cannot read: the build's item counts stay.
  if (!ticks) return;
  for (const spot of spots) {
    const done = ticks[spot.dataset.recipe];
    const items = spot.dataset.items.split(" ");
    // Version 1 holds a tick date per item; version 2 a plan whose "done" date marks a tick.
    const ticked = (item) => {
      const entry = Object.prototype.hasOwnProperty.call(done, item) ? done[item] : undefined;
      return typeof entry === "string" || Boolean(entry && typeof entry === "object" && entry.done);
    };
    const count = done && typeof done === "object" ? items.filter(ticked).length : 0;
    spot.querySelector(".recipe-map-count").textContent = spot.dataset.msgProgress
      .replace("{done}", count).replace("{total}", items.length);
    const bar = spot.querySelector("progress");
    bar.value = count;
    spot.classList.add("recipe-map-live");
    spot.classList.toggle("recipe-map-started", count > 0);
    spot.classList.toggle("recipe-map-finished", count === items.length);
  }
})();
