/* Recipe checklists: ticks persist in this browser's localStorage under the handbook's
   namespace, keyed by recipe and item ID, with the date of each tick. The page is whole
   without this script; it adds saving, progress, export, import and reset. */
(() => {
  "use strict";
  const ns = document.querySelector('meta[name="recipes-namespace"]')?.content;
  const boxes = document.querySelectorAll("input.recipe-check");
  if (!ns || !boxes.length) return;
  const KEY = ns + ":recipe-progress", FORMAT = "recipe-progress", MAX_BYTES = 200000;
  const ID = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/, DAY = /^\d{4}-\d{2}-\d{2}$/;
  const tools = document.querySelectorAll(".recipe-tools");
  const status = document.querySelector(".recipe-status");
  const msg = (name, vars = {}) => (tools[0]?.dataset["msg" + name] || "")
    .replace(/\{(\w+)\}/g, (all, key) => vars[key] ?? all);
  const say = (text) => { if (status) status.textContent = text; };
  const isMap = (x) => x && typeof x === "object" && !Array.isArray(x);

  // A validated copy without prototypes, or null: nothing read is trusted as is.
  const clean = (data) => {
    if (!isMap(data)) return null;
    const out = Object.create(null);
    let count = 0;
    for (const [recipe, items] of Object.entries(data)) {
      if (!ID.test(recipe) || !isMap(items)) return null;
      out[recipe] = Object.create(null);
      for (const [item, day] of Object.entries(items)) {
        if (!ID.test(item) || typeof day !== "string" || !DAY.test(day) || ++count > 5000) return null;
        out[recipe][item] = day;
      }
    }
    return out;
  };
  const parse = (text) => { try { return JSON.parse(text); } catch (e) { return null; } };

  let store = null, ticks = Object.create(null), notice = "";
  try { store = window.localStorage; store.getItem(KEY); } catch (e) { store = null; }
  if (!store) notice = msg("Nostorage");
  else {
    const raw = store.getItem(KEY), data = raw === null ? null : parse(raw);
    const read = data && data.version === 1 ? clean(data.ticks) : null;
    if (read) ticks = read;
    else if (raw !== null) {
      // Never overwrite what we cannot read: keep it aside first, or stop saving.
      const aside = KEY + ":unreadable:" + Date.now();
      try { store.setItem(aside, raw); notice = msg("Corrupt", { key: aside }); }
      catch (e) { store = null; notice = msg("Nostorage"); }
    }
  }
  const save = () => {
    try { store?.setItem(KEY, JSON.stringify({ version: 1, ticks })); }
    catch (e) { store = null; say(msg("Nostorage")); }
  };
  const where = (box) => [box.closest("[data-recipe]").dataset.recipe,
    box.closest("[data-item]").dataset.item];
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000)
    .toISOString().slice(0, 10);
  const shown = (day) => new Date(day + "T12:00").toLocaleDateString(document.documentElement.lang || undefined);
  const count = (scope) => {
    const all = [...document.querySelectorAll(scope + "input.recipe-check")];
    return { done: all.filter((b) => b.checked).length, total: all.length };
  };

  const paint = () => {
    for (const box of boxes) {
      const [recipe, item] = where(box), day = ticks[recipe]?.[item];
      box.checked = !!day;
      box.parentNode.querySelector(".recipe-date").textContent = day ? msg("Date", { date: shown(day) }) : "";
    }
    for (const bar of document.querySelectorAll(".recipe-progress")) {
      const c = count(bar.dataset.recipe ? `[data-recipe="${bar.dataset.recipe}"] ` : "");
      const meter = bar.querySelector("progress");
      meter.max = c.total || 1;
      meter.value = c.done;
      bar.querySelector(".recipe-progress-count").textContent = msg("Count", c);
      bar.hidden = false;
    }
  };

  const importFile = (input) => {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_BYTES) return say(msg("Badfile"));
    file.text().then((text) => {
      const data = parse(text);
      const read = isMap(data) && data.format === FORMAT && data.version === 1 &&
        data.namespace === ns ? clean(data.ticks) : null;
      if (!read) return say(msg("Badfile"));
      let n = 0;
      for (const recipe in read) {
        ticks[recipe] ??= Object.create(null);
        for (const item in read[recipe]) { ticks[recipe][item] = read[recipe][item]; n++; }
      }
      save(); paint(); say(msg("Imported", { count: n }));
    }, () => say(msg("Badfile")));
  };

  const exportFile = () => {
    const body = JSON.stringify({ format: FORMAT, version: 1, namespace: ns, ticks }, null, 2);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body + "\n"], { type: "application/json" }));
    link.download = `${ns}-${today()}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  document.addEventListener("change", (event) => {
    const el = event.target;
    if (el.matches('input[data-action="import"]')) return importFile(el);
    if (!el.matches("input.recipe-check")) return;
    const [recipe, item] = where(el);
    if (el.checked) (ticks[recipe] ??= Object.create(null))[item] = today();
    else if (ticks[recipe]) {
      delete ticks[recipe][item];
      if (!Object.keys(ticks[recipe]).length) delete ticks[recipe];
    }
    save(); paint();
    say(msg("Count", count(`[data-recipe="${recipe}"] `)));
  });
  document.addEventListener("click", (event) => {
    const action = event.target.closest?.("[data-action]")?.dataset.action;
    if (action === "export") exportFile();
    if (action === "reset" && window.confirm(msg("Confirm"))) {
      ticks = Object.create(null);
      save(); paint(); say(msg("Cleared"));
    }
  });

  for (const box of tools) box.hidden = false;
  paint();
  say(notice);
})();
