/* Recipe checklists: each item's tick, responsible person, deadline and note persist in
   this browser's localStorage under the handbook's namespace, keyed by recipe and item ID.
   The page is whole without this script; it adds saving, the plan fields, progress, a
   named export, merging import and reset. The progress model (validation, migration of
   version 1, merge) is shared with followup.js through window.RecipeProgress. */
(() => {
  "use strict";
  const ns = document.querySelector('meta[name="recipes-namespace"]')?.content;
  // The ID rule comes from the extension (ids.ID_PATTERN), so the two cannot drift apart.
  const idRule = document.querySelector('meta[name="recipes-id-pattern"]')?.content;
  // So do the progress file's limits (limits.PROGRESS_LIMITS).
  const LIMITS = JSON.parse(document.querySelector('meta[name="recipes-limits"]')?.content || "null");
  if (!ns || !idRule || !LIMITS) return;
  const scriptSrc = document.currentScript?.src || document.baseURI;
  const FORMAT = "recipe-progress", MAX_BYTES = LIMITS.bytes, MAX_ITEMS = LIMITS.items, NAME_MAX = LIMITS.name;
  const TEXT_MAX = { who: LIMITS.who, note: LIMITS.note };
  const ID = new RegExp(idRule), DAY = /^\d{4}-\d{2}-\d{2}$/;
  const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
  // Control and bidirectional-override characters could disguise a name or a note.
  const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
  const isMap = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const own = (map, key) => Object.prototype.hasOwnProperty.call(map, key);

  // -- the model ------------------------------------------------------------------
  class Refusal extends Error {
    constructor(reason, value = "") { super(reason); this.reason = reason; this.value = String(value).slice(0, 40); }
  }
  // A real calendar day: 2026-13-45 matches the pattern but not the calendar.
  const realDay = (day) => {
    if (typeof day !== "string" || !DAY.test(day)) return false;
    const time = Date.parse(day + "T00:00:00Z");
    return time === time && new Date(time).toISOString().slice(0, 10) === day;
  };
  const text = (value, max) => {
    if (typeof value !== "string" || value.length > max) throw new Refusal("text");
    return value.replace(HIDDEN, " ").trim();
  };

  // One item's plan: {done, who, due, note} (all optional) and when it last changed.
  const cleanEntry = (entry) => {
    if (!isMap(entry)) throw new Refusal("text");
    const out = Object.create(null);
    for (const key of ["done", "due"]) {
      if (!own(entry, key)) continue;
      if (!realDay(entry[key])) throw new Refusal("date", entry[key]);
      out[key] = entry[key];
    }
    for (const key of ["who", "note"]) {
      if (own(entry, key) && (out[key] = text(entry[key], TEXT_MAX[key])) === "") delete out[key];
    }
    if (typeof entry.changed !== "string" || !STAMP.test(entry.changed) || !(Date.parse(entry.changed) > 0)) {
      throw new Refusal("date", entry.changed);
    }
    out.changed = entry.changed;
    return out;
  };
  // Every recipe → item map read goes through here: IDs checked, no prototypes kept.
  const cleanItems = (data, toEntry) => {
    if (!isMap(data)) throw new Refusal("format");
    const out = Object.create(null);
    let count = 0;
    for (const [recipe, items] of Object.entries(data)) {
      if (!ID.test(recipe)) throw new Refusal("id", recipe);
      if (!isMap(items)) throw new Refusal("format");
      out[recipe] = Object.create(null);
      for (const [item, entry] of Object.entries(items)) {
        if (!ID.test(item)) throw new Refusal("id", item);
        if (++count > MAX_ITEMS) throw new Refusal("count");
        out[recipe][item] = toEntry(entry);
      }
    }
    return out;
  };
  // Version 1 kept only the date of each tick; it becomes a done date changed that day.
  const fromTick = (day) => {
    if (!realDay(day)) throw new Refusal("date", day);
    return cleanEntry({ done: day, changed: day + "T00:00:00.000Z" });
  };
  const readState = (data) => {
    if (!isMap(data)) throw new Refusal("format");
    if (data.version === 1) return { name: "", items: cleanItems(data.ticks, fromTick) };
    if (data.version !== 2) throw new Refusal("format");
    const name = own(data, "name") ? text(data.name, NAME_MAX) : "";
    return { name, items: cleanItems(data.items, cleanEntry) };
  };
  const readFile = (raw, size = raw.length) => {
    if (size > MAX_BYTES) throw new Refusal("size");
    let data;
    try { data = JSON.parse(raw); } catch (e) { throw new Refusal("json"); }
    if (!isMap(data) || data.format !== FORMAT || data.namespace !== ns) throw new Refusal("format");
    return readState(data);
  };
  const fileOf = (state, exported) => ({
    format: FORMAT, version: 2, namespace: ns, name: state.name, exported, items: state.items,
  });

  const same = (a, b) => ["done", "who", "due", "note"].every((key) => a[key] === b[key]);
  // The union of both sides; an item that differs on both keeps its later change.
  const merge = (mine, theirs) => {
    const items = Object.create(null);
    let added = 0, conflicts = 0;
    for (const recipe in mine) items[recipe] = Object.assign(Object.create(null), mine[recipe]);
    for (const recipe in theirs) {
      items[recipe] ??= Object.create(null);
      for (const item in theirs[recipe]) {
        const here = items[recipe][item], there = theirs[recipe][item];
        if (!here) { items[recipe][item] = there; added++; continue; }
        if (same(here, there)) continue;
        conflicts++;
        if (Date.parse(there.changed) > Date.parse(here.changed)) items[recipe][item] = there;
      }
    }
    return { items, added, conflicts };
  };
  const countItems = (items, test = () => true) => {
    let n = 0;
    for (const recipe in items) for (const item in items[recipe]) if (test(recipe, item, items[recipe][item])) n++;
    return n;
  };

  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  const isOverdue = (entry, now = today()) => !!entry && !entry.done && !!entry.due && entry.due < now;
  // Dates as the rest of the site writes them: the page gives the locale and the date style.
  const dates = document.querySelector('meta[name="recipes-dates"]');
  const dateOptions = JSON.parse(dates?.dataset.options || '{"day":"numeric","month":"numeric","year":"numeric"}');
  const dayFormat = new Intl.DateTimeFormat(dates?.content || "fi", { ...dateOptions, timeZone: "UTC" });
  const formatDay = (day) => dayFormat.format(new Date(day + "T00:00:00Z"));
  const fill = (template, vars = {}) => (template || "").replace(/\{(\w+)\}/g, (all, key) => vars[key] ?? all);

  window.RecipeProgress = Object.freeze({
    Refusal, readFile, merge, countItems, isOverdue, today, formatDay, fill, MAX_BYTES,
  });

  // -- the checklist ----------------------------------------------------------------
  const boxes = document.querySelectorAll("input.recipe-check");
  if (!boxes.length) return;
  const KEY = ns + ":recipe-progress";
  const tools = document.querySelectorAll(".recipe-tools");
  const status = document.querySelector(".recipe-status");
  const msg = (name, vars) => fill(tools[0]?.dataset["msg" + name], vars);
  const say = (line) => { if (status) status.textContent = line; };
  const make = (tag, props = {}, ...children) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  // IDs this handbook has (recipes-known.js beside this script), loaded at the first
  // import: imports keep other IDs but count them. Without the file nothing is counted.
  let known = null;
  const loadKnown = () => known || (known = new Promise((resolve) => {
    const script = make("script", { src: new URL("recipes-known.js", scriptSrc).href });
    script.onload = () => resolve(isMap(window.RecipeKnownIds) ? window.RecipeKnownIds : {});
    script.onerror = () => resolve({});
    document.head.append(script);
  }));
  const unknown = (ids, items) => Object.keys(ids).length
    ? countItems(items, (r, i) => !(own(ids, r) && Array.isArray(ids[r]) && ids[r].includes(i))) : 0;

  let store = null, state = { name: "", items: Object.create(null) }, warning = "";
  const keepAside = (label, raw) => {
    const aside = `${KEY}:${label}:${Date.now()}`;
    store.setItem(aside, raw);
    return aside;
  };
  try { store = window.localStorage; store.getItem(KEY); } catch (e) { store = null; }
  if (!store) warning = msg("Nostorage");
  else {
    const raw = store.getItem(KEY);
    try {
      if (raw !== null) {
        state = readState(JSON.parse(raw));
        // Migrated from version 1: the old record stays beside the new one.
        if (JSON.parse(raw).version === 1) {
          keepAside("v1", raw);
          store.setItem(KEY, JSON.stringify({ version: 2, ...state }));
        }
      }
    } catch (e) {
      // Never overwrite what we cannot read: keep it aside first, or stop saving.
      try { warning = msg("Corrupt", { key: keepAside("unreadable", raw) }); }
      catch (e2) { store = null; warning = msg("Nostorage"); }
    }
  }
  const warnings = [];
  const warn = (line) => { for (const el of warnings) { el.textContent = line; el.hidden = !line; } };
  const save = () => {
    try { store?.setItem(KEY, JSON.stringify({ version: 2, ...state })); }
    catch (e) { store = null; warn(msg("Nostorage")); }
  };
  const where = (el) => [el.closest("[data-recipe]").dataset.recipe, el.closest("[data-item]").dataset.item];
  const entryOf = (el) => { const [recipe, item] = where(el); return state.items[recipe]?.[item]; };
  const update = (el, change) => {
    const [recipe, item] = where(el);
    const entry = Object.assign(Object.create(null), state.items[recipe]?.[item], change);
    for (const key in change) if (!change[key]) delete entry[key];
    entry.changed = new Date().toISOString();
    // An emptied item stays as a dated record, so a merge knows it was cleared later.
    (state.items[recipe] ??= Object.create(null))[item] = entry;
    save();
  };

  // Fields beside each tick on recipe pages; a read-only line of what is planned everywhere.
  let serial = 0;
  const FIELDS = [["who", "input", { type: "text", maxLength: TEXT_MAX.who, autocomplete: "off" }],
    ["due", "input", { type: "date" }], ["note", "textarea", { rows: 2, maxLength: TEXT_MAX.note }]];
  for (const li of document.querySelectorAll("li.recipe-item[data-item]")) {
    li.append(make("p", { className: "recipe-plan", hidden: true }));
    if (li.closest(".recipe-summary")) continue;
    const grid = make("div", { className: "recipe-fields-grid" });
    for (const [key, tag, props] of FIELDS) {
      const id = `recipe-field-${++serial}`, field = make(tag, { id, className: "recipe-field", ...props });
      field.dataset.field = key;
      grid.append(make("label", { htmlFor: id, textContent: msg("Field" + key) }), field);
    }
    li.append(make("details", { className: "recipe-fields" }, make("summary", { textContent: msg("Fields") }), grid));
  }

  const planLine = (p, entry, now) => {
    const parts = [];
    if (entry?.who) parts.push(make("span", { textContent: msg("Planwho", { who: entry.who }) }));
    if (entry?.due) parts.push(make("span", { textContent: msg("Plandue", { date: formatDay(entry.due) }) }));
    if (isOverdue(entry, now)) parts.push(make("strong", { className: "recipe-overdue", textContent: msg("Overdue") }));
    if (entry?.note) parts.push(make("span", { className: "recipe-note", textContent: msg("Plannote", { note: entry.note }) }));
    p.replaceChildren(...parts);
    p.hidden = !parts.length;
  };
  const count = (scope, now) => {
    const all = [...document.querySelectorAll(scope + "input.recipe-check")];
    return { done: all.filter((b) => b.checked).length, total: all.length,
      overdue: all.filter((b) => isOverdue(entryOf(b), now)).length };
  };
  const countLine = (c) => msg("Count", c) + (c.overdue ? " · " + msg("Countoverdue", c) : "");

  const paint = () => {
    const now = today();
    for (const box of boxes) {
      const entry = entryOf(box), li = box.closest("li");
      box.checked = !!entry?.done;
      li.querySelector(".recipe-date").textContent = entry?.done ? msg("Date", { date: formatDay(entry.done) }) : "";
      planLine(li.querySelector(".recipe-plan"), entry, now);
      for (const field of li.querySelectorAll(".recipe-field")) {
        if (document.activeElement !== field) field.value = entry?.[field.dataset.field] || "";
      }
      const details = li.querySelector(".recipe-fields");
      if (details) details.classList.toggle("recipe-fields-used", !!(entry?.who || entry?.due || entry?.note));
    }
    for (const bar of document.querySelectorAll(".recipe-progress")) {
      const c = count(bar.dataset.recipe ? `[data-recipe="${bar.dataset.recipe}"] ` : "", now);
      const meter = bar.querySelector("progress");
      meter.max = c.total || 1;
      meter.value = c.done;
      bar.querySelector(".recipe-progress-count").textContent = countLine(c);
      bar.hidden = false;
    }
    for (const input of document.querySelectorAll(".recipe-name input")) {
      if (document.activeElement !== input) input.value = state.name;
    }
  };

  const refused = (error) => say(msg("Badreason", {
    reason: msg("Why" + (error instanceof Refusal ? error.reason : "json"), { value: error.value ?? "" }),
  }));
  const importFile = (input) => {
    const file = input.files[0];
    const mode = input.closest(".recipe-tools")?.querySelector("input[data-mode]:checked")?.value || "merge";
    input.value = "";
    if (!file) return;
    if (file.size > MAX_BYTES) return refused(new Refusal("size"));
    Promise.all([file.text(), loadKnown()]).then(([raw, ids]) => {
      let read;
      try { read = readFile(raw, file.size); } catch (error) { return refused(error); }
      const total = countItems(read.items), strange = unknown(ids, read.items);
      let line;
      if (mode === "replace") {
        let key = "";
        try { if (store) key = keepAside("replaced", JSON.stringify({ version: 2, ...state })); } catch (e) { store = null; }
        state = read;
        line = msg("Replaced", { count: total, key });
      } else {
        const result = merge(state.items, read.items);
        state = { name: state.name || read.name, items: result.items };
        line = msg("Merged", { count: total, added: result.added, conflicts: result.conflicts });
      }
      save(); paint();
      say(line + (strange ? " " + msg("Unknown", { count: strange }) : ""));
    }, () => refused(new Refusal("json")));
  };

  const exportFile = () => {
    const day = today();
    const body = JSON.stringify(fileOf(state, day), null, 2);
    const slug = state.name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const link = make("a", {
      href: URL.createObjectURL(new Blob([body + "\n"], { type: "application/json" })),
      download: [ns, slug, day].filter(Boolean).join("-") + ".json",
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const edited = (event) => {
    const el = event.target;
    if (el.matches(".recipe-name input")) {
      state.name = el.value.replace(HIDDEN, " ").slice(0, NAME_MAX);
      return save();
    }
    if (!el.matches(".recipe-field")) return;
    update(el, { [el.dataset.field]: el.dataset.field === "due" ? (realDay(el.value) ? el.value : "")
      : el.value.replace(HIDDEN, " ").trim().slice(0, TEXT_MAX[el.dataset.field]) });
    paint();
  };
  document.addEventListener("input", edited);
  document.addEventListener("change", (event) => {
    const el = event.target;
    if (el.matches('input[data-action="import"]')) return importFile(el);
    if (el.matches(".recipe-field, .recipe-name input")) return edited(event);
    if (!el.matches("input.recipe-check")) return;
    update(el, { done: el.checked ? today() : "" });
    paint();
    const [recipe] = where(el);
    say(countLine(count(`[data-recipe="${recipe}"] `, today())));
  });
  document.addEventListener("click", (event) => {
    const action = event.target.closest?.("[data-action]")?.dataset.action;
    if (action === "export") exportFile();
    if (action === "reset" && window.confirm(msg("Confirm"))) {
      state = { name: state.name, items: Object.create(null) };
      save(); paint(); say(msg("Cleared"));
    }
  });

  // The name and the import mode join the tools; a warning sits above each checklist.
  tools.forEach((box, i) => {
    const nameId = `recipe-name-${i}`;
    box.prepend(make("p", { className: "recipe-name" },
      make("label", { htmlFor: nameId, textContent: msg("Name") }),
      make("input", { id: nameId, type: "text", maxLength: NAME_MAX, autocomplete: "organization" })));
    const mode = make("fieldset", { className: "recipe-mode" }, make("legend", { textContent: msg("Mode") }));
    for (const value of ["merge", "replace"]) {
      const id = `recipe-mode-${i}-${value}`;
      mode.append(make("span", {},
        make("input", { type: "radio", name: `recipe-mode-${i}`, id, value, checked: value === "merge" }),
        make("label", { htmlFor: id, textContent: msg("Mode" + value) })));
      mode.querySelector(`#${id}`).dataset.mode = "";
    }
    box.querySelector(".recipe-status").before(mode);
    box.hidden = false;
  });
  for (const list of document.querySelectorAll("section.recipe:not(.recipe-summary) > .recipe-checklist, .recipe-overview")) {
    const el = make("p", { className: "recipe-warning", hidden: true });
    el.setAttribute("role", "alert");
    if (list.matches(".recipe-overview")) list.prepend(el); else list.before(el);
    warnings.push(el);
  }
  for (const note of document.querySelectorAll(".recipe-nojs")) note.hidden = true;
  paint();
  warn(warning);
})();
