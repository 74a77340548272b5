// @ts-check
/* Recipe checklists: each item's tick, responsible person, deadline and note, saved through
   the progress module (progress.js), which owns storage, merge and the file format. The
   page is whole without this script; it adds the plan fields, progress, a named export,
   and keeps other open tabs in step; the tools (import with undo, export, calendar files)
   load at their first use from recipe-tools.js. */
import * as P from "./progress.js";

const meta = (/** @type {string} */ name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
const ns = meta("recipes-namespace"), idRule = meta("recipes-id-pattern");
const boxes = document.querySelectorAll("input.recipe-check");
if (ns && idRule && boxes.length) {
  const ID = new RegExp(idRule);
  const store = P.openStore(ns, ID);
  const tools = document.querySelectorAll(".recipe-tools");
  /** @param {string} name @param {Record<string, unknown>} [vars] */
  const msg = (name, vars) => P.fill(/** @type {HTMLElement} */ (tools[0])?.dataset["msg" + name], vars);
  const say = (/** @type {string} */ line) => { for (const el of document.querySelectorAll(".recipe-status")) el.textContent = line; };
  /** @param {string} tag @param {Record<string, any>} [props] @param {(Node | string)[]} children */
  const make = (tag, props = {}, ...children) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  // Dates as the rest of the site writes them (the page gives the registry's date style).
  const formatDay = P.dayFormatter(document);
  let state = store.read();
  const warnings = [];
  const warn = () => {
    const problem = store.problem;
    const line = problem && msg(problem.reason === "corrupt" ? "Corrupt" : problem.reason === "quota" ? "Quota" : "Nostorage", problem);
    for (const el of warnings) { el.textContent = line; el.hidden = !line; }
  };
  /** Read, change and write through the store, then show what is stored. @param {(s: P.State) => void} change */
  const save = (change, undoable = false) => {
    store.update(change, undoable);
    state = store.read();
    paint();
    warn();
  };
  const where = (/** @type {Element} */ el) => /** @type {[string, string]} */ (
    [el.closest("[data-recipe]")?.getAttribute("data-recipe"), el.closest("[data-item]")?.getAttribute("data-item")]);
  const entryOf = (/** @type {Element} */ el) => { const [recipe, item] = where(el); return state.items[recipe]?.[item]; };
  const set = (/** @type {Element} */ el, /** @type {string} */ field, /** @type {string} */ value) => {
    const [recipe, item] = where(el);
    // an unchanged field keeps its change time, or a merge would take this value as newer
    if (field !== "done" && (state.items[recipe]?.[item]?.[field] || "") === value) return;
    const rev = /** @type {HTMLElement} */ (el.closest("[data-item]")).dataset.rev;
    save((s) => P.setField(s, recipe, item, field, value, new Date().toISOString(), rev));
  };

  // Fields beside each tick on recipe pages; a read-only line of what is planned everywhere.
  let serial = 0;
  /** @type {[string, string, Record<string, unknown>][]} */
  const FIELDS = [["who", "input", { type: "text", maxLength: P.TEXT_MAX.who, autocomplete: "off" }],
    ["due", "input", { type: "date" }], ["note", "textarea", { rows: 2, maxLength: P.TEXT_MAX.note }]];
  for (const li of document.querySelectorAll("li.recipe-item[data-item]")) {
    li.append(make("p", { className: "recipe-plan", hidden: true }), make("p", { className: "recipe-revised", hidden: true }));
    if (li.closest(".recipe-summary")) continue;
    const grid = make("div", { className: "recipe-fields-grid" });
    for (const [key, tag, props] of FIELDS) {
      const id = `recipe-field-${++serial}`, field = make(tag, { id, className: "recipe-field", ...props });
      field.dataset.field = key;
      grid.append(make("label", { htmlFor: id, textContent: msg("Field" + key) }), field);
    }
    li.append(make("details", { className: "recipe-fields" }, make("summary", { textContent: msg("Fields") }), grid));
  }

  const planLine = (/** @type {Element} */ p, /** @type {any} */ entry, /** @type {string} */ now) => {
    const parts = [];
    if (entry?.who) parts.push(make("span", { textContent: msg("Planwho", { who: entry.who }) }));
    if (entry?.due) parts.push(make("span", { textContent: msg("Plandue", { date: formatDay(entry.due) }) }));
    if (P.isOverdue(entry, now)) parts.push(make("strong", { className: "recipe-overdue", textContent: msg("Overdue") }));
    if (entry?.note) parts.push(make("span", { className: "recipe-note", textContent: msg("Plannote", { note: entry.note }) }));
    p.replaceChildren(...parts);
    /** @type {HTMLElement} */ (p).hidden = !parts.length;
  };
  // A tick given to an earlier text of the item says so, with the day of the recipe's latest change.
  const revisedNote = (/** @type {HTMLElement} */ li, /** @type {any} */ entry) => {
    const p = /** @type {HTMLElement} */ (li.querySelector(".recipe-revised"));
    const changed = /** @type {HTMLElement} */ (li.closest("[data-changed]"))?.dataset.changed;
    p.hidden = !P.isRevised(entry, li.dataset.rev);
    if (p.hidden) return p.replaceChildren();
    p.replaceChildren(msg("Revised") + (changed ? ` (${formatDay(changed)})` : "") + " ",
      make("button", { type: "button", className: "recipe-button", textContent: msg("Stillholds") }));
    /** @type {HTMLElement} */ (p.lastChild).dataset.action = "confirm";
  };
  const count = (/** @type {string} */ scope, /** @type {string} */ now) => {
    const all = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll(scope + "input.recipe-check")]);
    return { done: all.filter((b) => b.checked).length, total: all.length,
      overdue: all.filter((b) => P.isOverdue(entryOf(b), now)).length };
  };
  const countLine = (/** @type {any} */ c) => msg("Count", c) + (c.overdue ? " · " + msg("Countoverdue", c) : "");

  const paint = () => {
    const now = P.today();
    for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (boxes)) {
      const entry = entryOf(box), li = /** @type {HTMLElement} */ (box.closest("li"));
      box.checked = !!entry?.done;
      /** @type {Element} */ (li.querySelector(".recipe-date")).textContent = entry?.done ? msg("Date", { date: formatDay(entry.done) }) : "";
      planLine(/** @type {Element} */ (li.querySelector(".recipe-plan")), entry, now);
      revisedNote(li, entry);
      for (const field of /** @type {NodeListOf<HTMLInputElement>} */ (li.querySelectorAll(".recipe-field"))) {
        if (document.activeElement !== field) field.value = entry?.[/** @type {string} */ (field.dataset.field)] || "";
      }
      li.querySelector(".recipe-fields")?.classList.toggle("recipe-fields-used", !!(entry?.who || entry?.due || entry?.note));
    }
    for (const bar of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".recipe-progress"))) {
      const c = count(bar.dataset.recipe ? `[data-recipe="${bar.dataset.recipe}"] ` : "", now);
      const meter = /** @type {HTMLProgressElement} */ (bar.querySelector("progress"));
      meter.max = c.total || 1;
      meter.value = c.done;
      /** @type {Element} */ (bar.querySelector(".recipe-progress-count")).textContent = countLine(c);
      bar.hidden = false;
    }
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(".recipe-name input"))) {
      if (document.activeElement !== input) input.value = state.name;
    }
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-action="undo"]'))) b.hidden = !store.canUndo();
    const lists = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".recipe-conflicts"));
    if (state.lost.length) toolkit().then((t) => t.paintLost(page, lists));
    else for (const list of lists) list.hidden = true;
  };
  // The tools' own code loads at their first use (recipe-tools.js).
  const page = { store, ns, id: ID, save, msg, say, make, formatDay, get state() { return state; } };
  /** @type {Promise<typeof import("./recipe-tools.js")> | null} */
  let loaded = null;
  const toolkit = () => loaded ||= import("./recipe-tools.js");

  const edited = (/** @type {Event} */ event) => {
    const el = /** @type {HTMLInputElement} */ (event.target);
    if (el.matches(".recipe-name input")) return save((s) => { s.name = P.cleanText(el.value.slice(0, P.NAME_MAX), P.NAME_MAX); });
    if (!el.matches(".recipe-field")) return;
    const field = /** @type {string} */ (el.dataset.field);
    set(el, field, field === "due" ? (P.realDay(el.value) ? el.value : "") : P.cleanText(el.value.slice(0, P.TEXT_MAX[field]), P.TEXT_MAX[field]));
  };
  document.addEventListener("input", edited);
  document.addEventListener("change", (event) => {
    const el = /** @type {HTMLInputElement} */ (event.target);
    if (el.matches('input[data-action="import"]')) {
      const file = el.files?.[0], mode = el.closest(".recipe-tools")?.querySelector("input[data-mode]:checked")?.getAttribute("value");
      el.value = "";
      return file && toolkit().then((t) => t.importFile(page, file, mode || "merge"));
    }
    if (el.matches(".recipe-field, .recipe-name input")) return edited(event);
    if (!el.matches("input.recipe-check")) return;
    set(el, "done", el.checked ? P.today() : "");
    say(store.problem?.reason === "quota" ? msg("Quota") : countLine(count(`[data-recipe="${where(el)[0]}"] `, P.today())));
  });
  document.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest?.("[data-action]");
    const action = /** @type {HTMLElement} */ (button)?.dataset.action;
    if (action === "export") toolkit().then((t) => t.exportFile(page));
    if (action === "calendar") toolkit().then((t) => t.exportCalendar(page, button?.closest("[data-recipe]")?.getAttribute("data-recipe") || undefined));
    if (action === "calendarall") toolkit().then((t) => t.exportCalendar(page));
    if (action === "confirm") set(/** @type {Element} */ (button), "done", entryOf(/** @type {Element} */ (button)).done);
    if (action === "undo" && store.undo()) { state = store.read(); paint(); say(msg("Undone")); }
    if (action === "restore") toolkit().then((t) => t.restore(page, Number(/** @type {HTMLElement} */ (button).dataset.lost)));
    if (action === "forget") save((s) => { s.lost = []; });
    if (action === "reset" && confirm(msg("Confirm"))) { save((s) => { s.items = Object.create(null); }, true); say(msg("Cleared")); }
  });
  // Another tab saved: show its ticks, fields, name and progress at once.
  store.watch(() => { state = store.read(); paint(); });

  // The name and the import mode join the tools; a warning sits above each checklist.
  tools.forEach((box, i) => {
    const nameId = `recipe-name-${i}`;
    box.prepend(make("p", { className: "recipe-name" },
      make("label", { htmlFor: nameId, textContent: msg("Name") }),
      make("input", { id: nameId, type: "text", maxLength: P.NAME_MAX, autocomplete: "organization" })));
    const mode = make("fieldset", { className: "recipe-mode" }, make("legend", { textContent: msg("Mode") }));
    for (const value of ["merge", "replace"]) {
      const id = `recipe-mode-${i}-${value}`;
      const radio = make("input", { type: "radio", name: `recipe-mode-${i}`, id, value, checked: value === "merge" });
      radio.dataset.mode = "";
      mode.append(make("span", {}, radio, make("label", { htmlFor: id, textContent: msg("Mode" + value) })));
    }
    box.querySelector(".recipe-status")?.before(mode);
    box.append(make("div", { className: "recipe-conflicts", hidden: true }));
    if (!box.closest("[data-recipe]")) box.querySelector('[data-action="calendar"]')?.remove();
    /** @type {HTMLElement} */ (box).hidden = false;
  });
  for (const list of document.querySelectorAll("section.recipe:not(.recipe-summary) > .recipe-checklist, .recipe-overview")) {
    const el = make("p", { className: "recipe-warning", hidden: true });
    el.setAttribute("role", "alert");
    if (list.matches(".recipe-overview")) list.prepend(el); else list.before(el);
    warnings.push(el);
  }
  for (const note of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".recipe-nojs"))) note.hidden = true;
  paint();
  warn();
}
