// The progress module (and the calendar writer) without a browser: node --test tests/
// (tests/test_progress_module.py runs it under pytest). Each table row is written out
// by hand, so the module's own code never computes what it is checked against.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const STATIC = new URL("../_ext/recipes/static/", import.meta.url);
// the browser loads these as ES modules; a data: address lets every Node version do the same
const load = (name) => import("data:text/javascript," + encodeURIComponent(readFileSync(new URL(name, STATIC), "utf8")));
const P = await load("progress.js");
const { calendar } = await load("calendar.js");

const ID = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/;
const NS = "kirja";
const T1 = "2026-01-01T10:00:00.000Z", T2 = "2026-02-01T10:00:00.000Z", T3 = "2026-03-01T10:00:00.000Z";
const plain = (x) => JSON.parse(JSON.stringify(x));
const file = (data) => JSON.stringify({ format: "recipe-progress", namespace: NS, ...data });
const state = (items, lost = []) => ({ name: "", items, lost });

test("version 1 and 2 records and files become version 3", () => {
  const rows = [
    [{ version: 1, ticks: { r: { a: "2025-03-04" } } },
      { r: { a: { done: "2025-03-04", changed: { done: "2025-03-04T00:00:00.000Z" } } } }],
    [{ version: 2, items: { r: { a: { done: "2025-03-04", who: "Maija", changed: T1 } } } },
      { r: { a: { done: "2025-03-04", who: "Maija", changed: { done: T1, who: T1 } } } }],
    // a version-2 item with nothing left was cleared then: the tick's clearing keeps its time
    [{ version: 2, items: { r: { a: { changed: T2 } } } }, { r: { a: { changed: { done: T2 } } } }],
    [{ version: 3, items: { r: { a: { done: "2025-03-04", rev: "abcdef012345", changed: { done: T3 } } } } },
      { r: { a: { done: "2025-03-04", rev: "abcdef012345", changed: { done: T3 } } } }],
  ];
  for (const [data, items] of rows) {
    assert.deepEqual(plain(P.readState(data, ID).items), items);
    assert.deepEqual(plain(P.readFile(file(data), NS, ID).items), items);
  }
  assert.equal(P.readFile(file({ version: 2, name: "Tampere", exported: "2026-11-29", items: {} }), NS, ID).exported, "2026-11-29");
});

test("bad files are refused with their reason", () => {
  const rows = [
    [file({ version: 4, items: {} }), "newer"],
    [file({ version: 99, whatever: true }), "newer"],
    ["{broken", "json"],
    [JSON.stringify({ format: "recipe-progress", namespace: "toinen", version: 3, items: {} }), "format"],
    [file({ version: "2", items: {} }), "format"],
    [file({ version: 3, items: { r: { a: { done: "2026-02-30", changed: { done: T1 } } } } }), "date"],
    [file({ version: 3, items: { r: { a: { who: "Maija", changed: {} } } } }), "format"],
    [file({ version: 3, items: { r: { a: { done: "2026-01-01", rev: "<b>", changed: { done: T1 } } } } }), "format"],
    [file({ version: 3, items: { r: { a: { changed: { done: "eilen" } } } } }), "date"],
    ['{"format":"recipe-progress","namespace":"kirja","version":3,"items":{"__proto__":{}}}', "id"],
    [file({ version: 3, items: { r: { a: { note: "x".repeat(501), changed: { note: T1 } } } } }), "text"],
    [file({ version: 1, ticks: { r: { a: "2026-13-45" } } }), "date"],
  ];
  for (const [raw, reason] of rows) {
    assert.throws(() => P.readFile(raw, NS, ID), (e) => e instanceof P.Refusal && e.reason === reason, raw.slice(0, 80));
  }
  assert.throws(() => P.readFile("x".repeat(10), NS, ID, 2_000_000), (e) => e.reason === "size");
});

test("merge takes the later change of each field and lists real conflicts", () => {
  // mine: Maija is responsible (T1). theirs: the colleague ticked later (T2) and never touched "who".
  const mine = state({ r: { a: { who: "Maija", changed: { who: T1 } } } });
  const theirs = state({ r: { a: { done: "2026-02-01", changed: { done: T2 } } } });
  let result = P.merge(mine, theirs);
  assert.deepEqual(plain(result.state.items.r.a), { who: "Maija", done: "2026-02-01", changed: { who: T1, done: T2 } });
  assert.deepEqual(result.conflicts, []);

  // both changed "who": the later (theirs, T3) wins, mine is set aside and listed
  result = P.merge(mine, state({ r: { a: { who: "Kollega", changed: { who: T3 } } } }));
  assert.equal(result.state.items.r.a.who, "Kollega");
  assert.deepEqual(result.conflicts, [{ recipe: "r", item: "a", field: "who", mine: "Maija", theirs: "Kollega", kept: "theirs" }]);
  assert.deepEqual(result.state.lost, [{ recipe: "r", item: "a", field: "who", value: "Maija", other: "Kollega", changed: T1 }]);

  // an older value from the file loses: mine stays, theirs is set aside
  result = P.merge(state({ r: { a: { note: "Uusi", changed: { note: T3 } } } }), state({ r: { a: { note: "Vanha", changed: { note: T1 } } } }));
  assert.equal(result.state.items.r.a.note, "Uusi");
  assert.equal(result.state.lost[0].value, "Vanha");

  // the same value on both sides is no conflict; a later clearing wins over an earlier tick
  result = P.merge(state({ r: { a: { done: "2026-01-01", rev: "aaaaaaaa", changed: { done: T1 } } } }),
    state({ r: { a: { changed: { done: T2 } }, b: { due: "2026-05-01", changed: { due: T1 } } } }));
  assert.deepEqual(plain(result.state.items.r.a), { changed: { done: T2 } });
  assert.equal(result.added, 1);
  assert.equal(result.conflicts.length, 1);
  assert.deepEqual(P.merge(mine, mine).conflicts, []);
});

test("a tick remembers the item's revision; a changed text shows", () => {
  const s = P.emptyState();
  P.setField(s, "r", "a", "done", "2026-01-01", T1, "aaaaaaaa");
  assert.equal(P.isRevised(s.items.r.a, "aaaaaaaa"), false);
  assert.equal(P.isRevised(s.items.r.a, "bbbbbbbb"), true);
  P.setField(s, "r", "a", "done", "", T2, "aaaaaaaa");
  assert.deepEqual(plain(s.items.r.a), { changed: { done: T2 } });
  assert.equal(P.isRevised({ done: "2026-01-01", changed: {} }, "bbbbbbbb"), false);  // ticks from before revisions
});

test("two tabs on one storage keep each other's changes", () => {
  const storage = P.memoryStorage();
  const first = P.openStore(NS, ID, storage), second = P.openStore(NS, ID, storage);
  first.read();
  second.read();  // the second tab loaded before the first one ticked
  first.update((s) => P.setField(s, "r", "a", "done", "2026-01-01", T1));
  second.update((s) => P.setField(s, "r", "b", "done", "2026-01-02", T2));
  first.update((s) => P.setField(s, "r", "b", "who", "Maija", T3));
  const items = plain(first.read().items.r);
  assert.deepEqual(Object.keys(items).sort(), ["a", "b"]);
  assert.equal(items.b.done, "2026-01-02");
  assert.equal(items.b.who, "Maija");
});

test("undo restores the state before an import until the next change", () => {
  const storage = P.memoryStorage(), store = P.openStore(NS, ID, storage);
  store.update((s) => P.setField(s, "r", "a", "done", "2026-01-01", T1));
  store.update((s) => { s.items = Object.create(null); }, true);
  assert.equal(store.canUndo(), true);
  assert.equal(store.undo(), true);
  assert.equal(store.read().items.r.a.done, "2026-01-01");
  store.update((s) => { s.name = "Oulu"; }, true);
  store.update((s) => P.setField(s, "r", "b", "note", "x", T2));
  assert.equal(store.canUndo(), false);
  // a record kept aside before a replace stays for good
  const kept = store.keep("replaced");
  assert.ok(kept.startsWith(NS + ":recipe-progress:replaced:"));
  assert.equal(storage.getItem(kept), storage.getItem(NS + ":recipe-progress"));
});

test("a full storage says the change was not saved; unreadable and old records are kept aside", () => {
  const storage = P.memoryStorage(), store = P.openStore(NS, ID, storage);
  const full = { ...storage, setItem: () => { throw new Error("QuotaExceededError"); } };
  const stuck = P.openStore(NS, ID, full);
  assert.equal(stuck.update((s) => P.setField(s, "r", "a", "done", "2026-01-01", T1)), false);
  assert.equal(stuck.problem.reason, "quota");
  full.setItem = storage.setItem;  // room again: the next change is saved and the warning goes
  assert.equal(stuck.update((s) => P.setField(s, "r", "a", "done", "2026-01-01", T1)), true);
  assert.equal(stuck.problem, "");

  const keys = new Map();
  const spy = { getItem: (k) => keys.get(k) ?? null, setItem: (k, v) => keys.set(k, v), removeItem: (k) => keys.delete(k) };
  keys.set(NS + ":recipe-progress", "{broken");
  assert.equal(P.openStore(NS, ID, spy).read(true), null);  // only looking changes nothing
  assert.deepEqual([...keys.keys()], [NS + ":recipe-progress"]);
  const broken = P.openStore(NS, ID, spy);
  assert.deepEqual(plain(broken.read().items), {});
  assert.equal(broken.problem.reason, "corrupt");
  assert.equal(keys.get(broken.problem.key), "{broken");

  const v1 = JSON.stringify({ version: 1, ticks: { r: { a: "2025-01-02" } } });
  keys.clear();
  keys.set(NS + ":recipe-progress", v1);
  P.openStore(NS, ID, spy).read();
  const aside = [...keys.keys()].filter((k) => k.startsWith(NS + ":recipe-progress:v1:"));
  assert.equal(aside.length, 1);
  assert.equal(keys.get(aside[0]), v1);
  assert.equal(JSON.parse(keys.get(NS + ":recipe-progress")).version, 3);
  assert.equal(store.problem, "");
});

test("file names lose the marks of ä, ö and å", () => {
  assert.equal(P.slug("Jyväskylä – Åbo & Pöytyä"), "jyvaskyla-abo-poytya");
});

test("calendar: one folded, escaped VEVENT per deadline, CRLF lines", () => {
  const text = calendar([
    { uid: "r--a@kirja", day: "2026-12-31", summary: "Pöydät: kutsu, " + "ä".repeat(60), description: "Vastuu: Maija\nHuom; tärkeä", url: "https://x.test/r.html#recipe-r--a" },
    { uid: "r--b@kirja", day: "2027-01-15", summary: "B", description: "", url: "https://x.test/r.html#recipe-r--b" },
  ], "2026-11-29T08:09:10.123Z");
  const lines = text.split("\r\n");
  assert.equal(lines.at(-1), "");
  assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
  assert.ok(lines.every((l) => new TextEncoder().encode(l).length <= 75));
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n/);
  assert.match(unfolded, /\r\nDESCRIPTION:Vastuu: Maija\\nHuom\\; tärkeä\r\n/);
  assert.match(unfolded, /\r\nSUMMARY:Pöydät: kutsu\\, ä{60}\r\n/);
  assert.match(unfolded, /\r\nDTSTAMP:20261129T080910Z\r\n/);
});
