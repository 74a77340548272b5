// @ts-check
/* The reader's progress: the one module that owns the storage key, the schema (version 3,
   read from versions 1 and 2), validation, the field-level merge and the file format.
   recipes.js, recipe-map.js and followup.js use it; no other script touches storage.
   Everything but openStore, openSession and browserStorage is a plain function, tested
   without a browser (tests/progress.test.mjs). */

// The progress file's limits are the extension's (limits.py): every page carries them in
// its recipes-limits meta tag; the Node tests pass the same as RECIPES_LIMITS. Without
// them the module stops here, and the page stays as it is without scripts.
const limitsText = globalThis.document?.querySelector('meta[name="recipes-limits"]')?.getAttribute("content")
  ?? globalThis.process?.env?.RECIPES_LIMITS;
if (!limitsText) throw new Error("progress.js: the page gives no recipes-limits");
/** @type {{bytes: number, items: number, name: number, who: number, note: number}} */
const LIMITS = JSON.parse(limitsText);
export const FORMAT = "recipe-progress", VERSION = 3;
export const MAX_BYTES = LIMITS.bytes, MAX_ITEMS = LIMITS.items, NAME_MAX = LIMITS.name;
// Each field of an item has its own change time; a merge takes the later value per field.
export const FIELDS = ["done", "who", "due", "note"];
export const TEXT_MAX = { who: LIMITS.who, note: LIMITS.note };
const LOST_MAX = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/, REV = /^[0-9a-f]{8,64}$/;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
// Control and bidirectional-override characters could disguise a name or a note.
const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** @param {unknown} x @returns {x is Record<string, any>} */
const isMap = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
/** @param {object} map @param {string} key */
const own = (map, key) => Object.prototype.hasOwnProperty.call(map, key);
const blank = () => Object.create(null);

/** Why data was refused: `reason` names a message (Why<reason>), `value` the culprit. */
export class Refusal extends Error {
  /** @param {string} reason @param {unknown} [value] */
  constructor(reason, value = "") { super(reason); this.reason = reason; this.value = String(value).slice(0, 40); }
}

/** A real calendar day: 2026-13-45 matches the pattern but not the calendar. @param {unknown} day */
export const realDay = (day) => {
  if (typeof day !== "string" || !DAY.test(day)) return false;
  const time = Date.parse(day + "T00:00:00Z");
  return time === time && new Date(time).toISOString().slice(0, 10) === day;
};
/** @param {unknown} value @param {number} max */
export const cleanText = (value, max) => {
  if (typeof value !== "string" || value.length > max) throw new Refusal("text");
  return value.replace(HIDDEN, " ").trim();
};
/** @param {unknown} value */
const day = (value) => { if (!realDay(value)) throw new Refusal("date", value); return /** @type {string} */ (value); };
/** @param {unknown} value */
const stamp = (value) => {
  if (typeof value !== "string" || !STAMP.test(value) || !(Date.parse(value) > 0)) throw new Refusal("date", value);
  return value;
};
/** @param {string} field @param {unknown} value */
const cleanValue = (field, value) => field === "done" || field === "due" ? day(value) : cleanText(value, TEXT_MAX[field]);

/** Version 3: values with a change time per field; `rev` is the item's revision when ticked. */
const cleanEntry = (/** @type {any} */ entry) => {
  if (!isMap(entry) || !isMap(entry.changed)) throw new Refusal("format");
  const out = { changed: blank() };
  for (const field of FIELDS) {
    if (own(entry.changed, field)) out.changed[field] = stamp(entry.changed[field]);
    if (!own(entry, field)) continue;
    if (!out.changed[field]) throw new Refusal("format");
    const value = cleanValue(field, entry[field]);
    if (value) out[field] = value;
  }
  if (own(entry, "rev")) {
    if (typeof entry.rev !== "string" || !REV.test(entry.rev)) throw new Refusal("format");
    if (out.done) out.rev = entry.rev;
  }
  return out;
};
// Version 2 had one change time per item: it becomes the time of each field it holds
// (of the tick alone when it held none: the item was cleared then).
const fromV2 = (/** @type {any} */ entry) => {
  if (!isMap(entry)) throw new Refusal("text");
  const time = stamp(entry.changed), out = { changed: blank() };
  for (const field of FIELDS) if (own(entry, field)) { out[field] = entry[field]; out.changed[field] = time; }
  if (!Object.keys(out.changed).length) out.changed.done = time;
  return cleanEntry(out);
};
// Version 1 kept only the date of each tick; it becomes a tick changed that day.
const fromTick = (/** @type {unknown} */ value) => cleanEntry({ done: day(value), changed: { done: value + "T00:00:00.000Z" } });

/** Every recipe → item map read goes through here: IDs checked, no prototypes kept.
 * @param {unknown} data @param {RegExp} id @param {(entry: unknown) => any} toEntry */
const cleanItems = (data, id, toEntry) => {
  if (!isMap(data)) throw new Refusal("format");
  const out = blank();
  let count = 0;
  for (const [recipe, items] of Object.entries(data)) {
    if (!id.test(recipe)) throw new Refusal("id", recipe);
    if (!isMap(items)) throw new Refusal("format");
    out[recipe] = blank();
    for (const [item, entry] of Object.entries(items)) {
      if (!id.test(item)) throw new Refusal("id", item);
      if (++count > MAX_ITEMS) throw new Refusal("count");
      out[recipe][item] = toEntry(entry);
    }
  }
  return out;
};
// Values that lost a merge, kept for the reader to restore: {recipe, item, field, value, other, changed}.
const cleanLost = (/** @type {unknown} */ list, /** @type {RegExp} */ id) => {
  if (!Array.isArray(list) || list.length > LOST_MAX) throw new Refusal("format");
  return list.map((x) => {
    if (!isMap(x) || !id.test(x.recipe) || !id.test(x.item) || !FIELDS.includes(x.field)) throw new Refusal("format");
    const text = (/** @type {unknown} */ v) => v === "" ? "" : cleanValue(x.field, v);
    return { recipe: x.recipe, item: x.item, field: x.field, value: text(x.value), other: text(x.other), changed: stamp(x.changed) };
  });
};

/** @typedef {{name: string, items: Record<string, Record<string, any>>, lost: any[], exported?: string}} State */
/** @returns {State} */
export const emptyState = () => ({ name: "", items: blank(), lost: [] });

/** A stored record or a file's data, any version up to this one, as a version-3 state.
 * @param {unknown} data @param {RegExp} id @returns {State} */
export const readState = (data, id) => {
  if (!isMap(data)) throw new Refusal("format");
  const version = data.version;
  if (typeof version === "number" && version > VERSION) throw new Refusal("newer", version);
  const read = Number.isInteger(version) && [, [data.ticks, fromTick], [data.items, fromV2], [data.items, cleanEntry]][version];
  if (!read) throw new Refusal("format");
  const state = emptyState();
  state.items = cleanItems(read[0], id, read[1]);
  if (own(data, "name")) state.name = cleanText(data.name, NAME_MAX);
  if (version === 3 && own(data, "lost")) state.lost = cleanLost(data.lost, id);
  if (own(data, "exported") && realDay(data.exported)) state.exported = data.exported;
  return state;
};
/** A progress file's text: checked whole before anything is used.
 * @param {string} raw @param {string} ns @param {RegExp} id @param {number} [size] */
export const readFile = (raw, ns, id, size = raw.length) => {
  if (size > MAX_BYTES) throw new Refusal("size");
  let data;
  try { data = JSON.parse(raw); } catch (e) { throw new Refusal("json"); }
  if (!isMap(data) || data.format !== FORMAT || data.namespace !== ns) throw new Refusal("format");
  return readState(data, id);
};
/** The file Export writes (the lost values stay in this browser).
 * @param {State} state @param {string} ns @param {string} exported */
export const fileOf = (state, ns, exported) =>
  ({ format: FORMAT, version: VERSION, namespace: ns, name: state.name, exported, items: state.items });
/** @param {State} state */
const record = (state) => JSON.stringify({ version: VERSION, name: state.name, items: state.items, lost: state.lost });

const later = (/** @type {string} */ a, /** @type {string} */ b) => Date.parse(a) > Date.parse(b);
const copyEntry = (/** @type {any} */ e) => ({ ...e, changed: { ...e.changed } });

/** Both sides joined field by field: the later change of each field wins. Where both sides
 * changed a field to different values, the conflict is listed and the losing value kept
 * in `lost`. @param {State} mine @param {State} theirs */
export const merge = (mine, theirs) => {
  const items = blank(), conflicts = [], lost = [];
  let added = 0;
  for (const recipe in mine.items) {
    items[recipe] = blank();
    for (const item in mine.items[recipe]) items[recipe][item] = copyEntry(mine.items[recipe][item]);
  }
  for (const recipe in theirs.items) {
    items[recipe] ??= blank();
    for (const item in theirs.items[recipe]) {
      const here = items[recipe][item], there = theirs.items[recipe][item];
      if (!here) { items[recipe][item] = copyEntry(there); added++; continue; }
      for (const field of FIELDS) {
        const a = here.changed[field], b = there.changed[field];
        if (!b) continue;
        const ours = here[field] || "", other = there[field] || "", take = !a || later(b, a);
        if (a && ours !== other) {
          conflicts.push({ recipe, item, field, mine: ours, theirs: other, kept: take ? "theirs" : "mine" });
          lost.push({ recipe, item, field, value: take ? ours : other, other: take ? other : ours, changed: take ? a : b });
        }
        if (!take) continue;
        if (other) here[field] = other; else delete here[field];
        if (field === "done") { if (there.rev) here.rev = there.rev; else delete here.rev; }
        here.changed[field] = b;
      }
    }
  }
  const state = { name: mine.name || theirs.name, items, lost: [...lost, ...mine.lost].slice(0, LOST_MAX) };
  return { state, added, conflicts };
};

/** One field of one item set now; a tick records the item's revision, an emptied field
 * stays as a dated change so a merge knows it was cleared later.
 * @param {State} state @param {string} recipe @param {string} item @param {string} field
 * @param {string} value @param {string} time @param {string} [rev] */
export const setField = (state, recipe, item, field, value, time, rev) => {
  const entry = ((state.items[recipe] ??= blank())[item] ??= { changed: blank() });
  if (value) entry[field] = value; else delete entry[field];
  if (field === "done") { if (value && rev) entry.rev = rev; else delete entry.rev; }
  entry.changed[field] = time;
};

/** @param {State["items"]} items @param {(recipe: string, item: string, entry: any) => boolean} [test] */
export const countItems = (items, test = () => true) => {
  let n = 0;
  for (const recipe in items) for (const item in items[recipe]) if (test(recipe, item, items[recipe][item])) n++;
  return n;
};
export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
/** @param {any} entry @param {string} [now] */
export const isOverdue = (entry, now = today()) => !!entry && !entry.done && !!entry.due && entry.due < now;
/** A tick given to an earlier text of the item. @param {any} entry @param {string | undefined} rev */
export const isRevised = (entry, rev) => !!(entry?.done && entry.rev && rev && entry.rev !== rev);
/** @param {string | undefined} template @param {Record<string, unknown>} [vars] */
export const fill = (template, vars = {}) => (template || "").replace(/\{(\w+)\}/g, (all, key) => String(vars[key] ?? all));
/** A file name part: letters without their marks (Jyväskylä -> jyvaskyla). @param {string} text */
export const slug = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// -- storage ---------------------------------------------------------------------------
/** A Storage that holds its items only until the page is left. */
export const memoryStorage = () => {
  const map = new Map();
  return { getItem: (/** @type {string} */ k) => map.has(k) ? map.get(k) : null,
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => void map.set(k, String(v)),
    removeItem: (/** @type {string} */ k) => void map.delete(k) };
};
/** localStorage or sessionStorage, or null where the browser refuses it. @param {"localStorage" | "sessionStorage"} name */
export const browserStorage = (name) => {
  try { const store = window[name]; store.getItem(FORMAT); return store; } catch (e) { return null; }
};

/** The reader's progress in `storage` (localStorage by default; a memory store when null or refused). Every write reads what is
 * stored at that moment, applies one change and writes: nothing another tab wrote is lost.
 * `problem` is "" or {reason: "nostorage" | "corrupt" | "quota", key}.
 * @param {string} ns @param {RegExp} id @param {any} [storage] */
export const openStore = (ns, id, storage = browserStorage("localStorage")) => {
  const key = ns + ":recipe-progress", undoKey = key + ":undo";
  /** @type {any} */
  let problem = storage ? "" : { reason: "nostorage" };
  storage ||= memoryStorage();
  const aside = (/** @type {string} */ label, /** @type {string} */ raw) => {
    const k = `${key}:${label}:${Date.now()}`;
    storage.setItem(k, raw);
    return k;
  };
  /** The stored state; `look` only looks (null when unreadable), never keeping aside or migrating.
   * @returns {State} */
  const read = (look = false) => {
    const raw = storage.getItem(key);
    if (raw === null) return emptyState();
    let data, state;
    try { data = JSON.parse(raw); state = readState(data, id); } catch (e) {
      if (look) return /** @type {any} */ (null);
      // Never overwrite what cannot be read: keep it aside first, or stop saving.
      try { problem = { reason: "corrupt", key: aside("unreadable", raw) }; storage.removeItem(key); }
      catch (e2) { problem = { reason: "nostorage" }; storage = memoryStorage(); }
      return emptyState();
    }
    if (!look && data.version !== VERSION) {
      // Migrated once: the old record stays beside the new one.
      try { aside("v" + data.version, raw); storage.setItem(key, record(state)); } catch (e) { problem = { reason: "quota" }; }
    }
    return state;
  };
  /** Read, change, write; `undoable` keeps the state before for one undo. Returns whether it was saved.
   * @param {(state: State) => void} change @param {boolean} [undoable] */
  const update = (change, undoable = false) => {
    const before = storage.getItem(key), state = read();
    change(state);
    try {
      if (undoable) storage.setItem(undoKey, before ?? record(emptyState()));
      else storage.removeItem(undoKey);
      storage.setItem(key, record(state));
      if (problem?.reason === "quota") problem = "";  // saved again: the warning goes
      return true;
    } catch (e) {
      try { storage.removeItem(undoKey); } catch (e2) { /* nothing more to lose */ }
      problem = { reason: "quota" };
      return false;
    }
  };
  return {
    read, update,
    get problem() { return problem; },
    canUndo: () => storage.getItem(undoKey) !== null,
    /** The stored record copied aside for good (before a replace); "" when there is none.
     * @param {string} label */
    keep: (label) => {
      const raw = storage.getItem(key);
      try { return raw === null ? "" : aside(label, raw); } catch (e) { return ""; }
    },
    /** Back to the state before the last import, merge, replace or clearing. */
    undo: () => {
      const raw = storage.getItem(undoKey);
      if (raw === null) return false;
      storage.setItem(key, raw);
      storage.removeItem(undoKey);
      return true;
    },
    /** Calls `callback` when another tab changed the progress. @param {() => void} callback */
    watch: (callback) => addEventListener("storage", (event) => {
      if (event.storageArea === storage && (event.key === null || event.key.startsWith(key))) callback();
    }),
  };
};

/** The follow-up view's loaded files for this browser session: [{name, exported, items}].
 * @param {string} ns @param {RegExp} id */
export const openSession = (ns, id) => {
  const storage = browserStorage("sessionStorage") || memoryStorage(), key = ns + ":followup-files";
  return {
    /** @returns {any[]} */
    load: () => {
      try {
        return JSON.parse(storage.getItem(key) || "[]").map((/** @type {any} */ f) =>
          ({ ...readState({ ...f, version: VERSION }, id), name: cleanText(f.name, 300) }));
      } catch (e) { return []; }
    },
    save: (/** @type {any[]} */ files) => {
      try { storage.setItem(key, JSON.stringify(files)); } catch (e) { /* the view still works, Back forgets */ }
    },
  };
};

/** The page's locale for dates (its recipes-dates meta tag). @param {Document} doc */
export const pageLocale = (doc) => doc.querySelector('meta[name="recipes-dates"]')?.getAttribute("content") || undefined;

/** Days as the pages write them: the recipes-dates meta tag gives the locale and the Intl
 * options of the registry's date style (i18n.browser_date_style). @param {Document} doc */
export const dayFormatter = (doc) => {
  const options = JSON.parse(doc.querySelector('meta[name="recipes-dates"]')?.getAttribute("data-options") || "{}");
  const format = new Intl.DateTimeFormat(pageLocale(doc), { ...options, timeZone: "UTC" });
  return (/** @type {string} */ day) => format.format(new Date(day + "T00:00:00Z"));
};
