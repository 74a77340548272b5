// @ts-check
/* The checklist tools recipes.js loads at their first use: import (merge or replace, with
   undo), export, calendar files and the list of values a merge set aside. `page` is what
   recipes.js shares: the store, the current state, save() and its message helpers. */
import * as P from "./progress.js";

/** @typedef {{store: any, state: P.State, ns: string, id: RegExp, save: (change: (s: P.State) => void, undoable?: boolean) => void,
 *   msg: (name: string, vars?: Record<string, unknown>) => string, say: (line: string) => void,
 *   make: (tag: string, props?: Record<string, any>, ...children: (Node | string)[]) => HTMLElement,
 *   formatDay: (day: string) => string}} Page */

// The catalogue (recipes.json beside the pages) names recipes and items.
/** @type {Promise<Map<string, any>> | null} */
let known = null;
const catalogue = () => known ||= fetch(new URL("../recipes.json", import.meta.url)).then((r) => r.json())
  .then((data) => new Map(data.recipes.map((/** @type {any} */ r) => [r.id, r])), () => new Map());
const recipesOf = (/** @type {P.State} */ s) => Object.keys(s.items).filter((r) => Object.keys(s.items[r]).length).length;

/** @param {Page} page @param {any} error */
const refused = (page, error) => page.say(page.msg("Badreason", {
  reason: page.msg("Why" + (error instanceof P.Refusal ? error.reason : "json"), { value: error.value ?? "" }),
}));

/** Merge (field by field) or replace (after the reader confirms the counts); either can be undone.
 * @param {Page} page @param {File} file @param {string} mode */
export const importFile = async (page, file, mode) => {
  const { msg } = page;
  if (file.size > P.MAX_BYTES) return refused(page, new P.Refusal("size"));
  let raw, read;
  try { raw = await file.text(); } catch (e) { return refused(page, new P.Refusal("json")); }
  try { read = P.readFile(raw, page.ns, page.id, file.size); } catch (error) { return refused(page, error); }
  const names = await catalogue(), total = P.countItems(read.items);
  const strange = names.size ? P.countItems(read.items, (r, i) => !names.get(r)?.items.some((/** @type {any} */ x) => x.id === i)) : 0;
  let line;
  if (mode === "replace") {
    const mine = page.store.read();
    const question = msg("Confirmreplace", { count: P.countItems(mine.items), recipes: recipesOf(mine), name: mine.name || "–", incoming: total });
    if (!confirm(question)) return page.say("");
    page.store.keep("replaced");  // beside the undo, which lasts only until the next change
    page.save((s) => { s.items = read.items; s.name = read.name; s.lost = []; }, true);
    line = msg("Replaced", { count: total });
  } else {
    let result = { added: 0, conflicts: [] };
    page.save((s) => { result = P.merge(s, read); Object.assign(s, result.state); }, true);
    line = msg("Merged", { count: total, added: result.added, conflicts: result.conflicts.length });
  }
  page.say(line + (strange ? " " + msg("Unknown", { count: strange }) : ""));
};

const download = (/** @type {string} */ body, /** @type {string} */ type, /** @type {string} */ name) => {
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([body], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};
/** jyvaskyla, not jyva-skyla: names lose their letters' marks. @param {Page} page @param {string} what @param {string} ext */
const fileName = (page, what, ext) => [page.ns, P.slug(page.state.name), what, P.today()].filter(Boolean).join("-") + ext;

/** @param {Page} page */
export const exportFile = (page) => {
  const name = fileName(page, "", ".json");
  download(JSON.stringify(P.fileOf(page.state, page.ns, P.today()), null, 2) + "\n", "application/json", name);
  page.say(page.msg("Exported", { file: name, count: P.countItems(page.state.items), recipes: recipesOf(page.state) }));
};

/** Deadlines as a calendar file, of one recipe or of the whole plan. @param {Page} page @param {string} [only] */
export const exportCalendar = async (page, only) => {
  const [{ calendar }, names] = await Promise.all([import("./calendar.js"), catalogue()]);
  const base = new URL("../", import.meta.url), deadlines = [], { msg } = page;
  for (const recipe of names.values()) {
    if (only && recipe.id !== only) continue;
    for (const item of recipe.items) {
      const entry = page.state.items[recipe.id]?.[item.id];
      if (!entry?.due) continue;
      const lines = [entry.who && msg("Planwho", { who: entry.who }), entry.note && msg("Plannote", { note: entry.note })];
      deadlines.push({ uid: `${recipe.id}--${item.id}@${page.ns}`, day: entry.due, summary: `${recipe.title}: ${item.text}`,
        description: lines.filter(Boolean).join("\n"),
        url: new URL(`${recipe.url.split("#")[0]}#recipe-${recipe.id}--${item.id}`, base).href });
    }
  }
  const name = fileName(page, only || msg("Wholeplan"), ".ics");
  download(calendar(deadlines, new Date().toISOString()), "text/calendar", name);
  page.say(msg("Calendarsaved", { file: name, count: deadlines.length }));
};

/** Values that lost a merge, by recipe and item title, each with a button to restore it.
 * @param {Page} page @param {NodeListOf<HTMLElement>} lists */
export const paintLost = async (page, lists) => {
  const { msg, make, formatDay } = page, names = await catalogue();
  const shown = (/** @type {string} */ field, /** @type {string} */ value) => !value ? msg("Emptyvalue")
    : field === "done" ? msg("Date", { date: formatDay(value) }) : field === "due" ? formatDay(value) : value;
  const button = (/** @type {string} */ action, /** @type {string} */ text, n = "") => {
    const el = make("button", { type: "button", className: "recipe-button", textContent: text });
    Object.assign(el.dataset, { action, lost: n });
    return el;
  };
  for (const box of lists) {
    const rows = page.state.lost.map((x, n) => {
      const recipe = names.get(x.recipe), item = recipe?.items.find((/** @type {any} */ i) => i.id === x.item);
      return make("li", {}, msg("Conflict", { recipe: recipe?.title || x.recipe, item: item?.text || x.item,
        field: msg("Field" + x.field), kept: shown(x.field, x.other), lost: shown(x.field, x.value) }) + " ",
      button("restore", msg("Restore"), String(n)));
    });
    box.replaceChildren(make("p", { textContent: msg("Conflicts") }), make("ul", {}, ...rows), button("forget", msg("Forget")));
    box.hidden = !rows.length;
  }
};

/** A set-aside value back in place (as a new change), and off the list. @param {Page} page @param {number} n */
export const restore = (page, n) => {
  const x = page.state.lost[n];
  if (!x) return;
  const same = (/** @type {any} */ y) => ["recipe", "item", "field", "value", "changed"].every((k) => y[k] === x[k]);
  page.save((s) => { P.setField(s, x.recipe, x.item, x.field, x.value, new Date().toISOString()); s.lost = s.lost.filter((y) => !same(y)); });
};
