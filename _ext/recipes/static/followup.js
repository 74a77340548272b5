// @ts-check
/* Follow-up view: the reader loads several progress files (picker or drag and drop) and
   sees each partnership's progress per recipe, grouped by process step, with a detail
   table of one recipe. Files are read in this browser and never sent anywhere; the
   progress module (progress.js) checks them and keeps them for the browser session, so
   Back from a recipe returns to the same view. */
import * as P from "./progress.js";

const root = /** @type {HTMLElement | null} */ (document.querySelector(".recipe-followup"));
const ns = document.querySelector('meta[name="recipes-namespace"]')?.getAttribute("content");
const idRule = document.querySelector('meta[name="recipes-id-pattern"]')?.getAttribute("content");
if (root && ns && idRule) {
  const ID = new RegExp(idRule), session = P.openSession(ns, ID);
  const data = JSON.parse(/** @type {string} */ (root.dataset.catalogue));
  const msg = (/** @type {string} */ name, /** @type {Record<string, unknown>} */ vars = {}) => P.fill(root.dataset["msg" + name], vars);
  const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  const status = $(".followup-status"), area = $(".followup-table"), detail = $(".followup-detail");
  const select = /** @type {HTMLSelectElement} */ ($("#followup-recipe")), detailArea = $(".followup-detail-table");
  /** @param {string} tag @param {Record<string, any>} [props] @param {(Node | string)[]} children */
  const make = (tag, props = {}, ...children) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const header = (/** @type {string} */ text, /** @type {string} */ scope, props = {}) => {
    const th = make("th", { textContent: text, ...props });
    th.setAttribute("scope", scope);
    return th;
  };
  const formatDay = P.dayFormatter(document);
  const ago = new Intl.RelativeTimeFormat(P.pageLocale(document), { numeric: "auto" });
  // When the file was exported, and how long ago: an old file may miss the latest ticks.
  const exported = (/** @type {any} */ file) => file.exported ? msg("Exported", { date: formatDay(file.exported),
    age: ago.format(Math.round((Date.parse(file.exported) - Date.parse(P.today())) / 86400000), "day") }) : msg("Noexported");
  const known = new Map(Object.entries(data.recipes).map(([id, r]) => [id, new Set(r.items.map((/** @type {any} */ i) => i.id))]));
  /** @type {{name: string, exported?: string, items: Record<string, any>}[]} */
  let files = session.load();

  const tally = (/** @type {any} */ file, /** @type {string} */ recipe, /** @type {string} */ now) => {
    const entries = file.items[recipe] ?? {};
    const items = data.recipes[recipe].items;
    return {
      done: items.filter((/** @type {any} */ i) => entries[i.id]?.done).length,
      total: items.length,
      overdue: items.filter((/** @type {any} */ i) => P.isOverdue(entries[i.id], now)).length,
    };
  };
  const cell = (/** @type {any} */ c) => {
    const td = make("td", {}, make("span", { textContent: msg("Cell", c) }));
    if (c.overdue) td.append(" ", make("strong", { className: "recipe-overdue", textContent: msg("Countoverdue", c) }));
    return td;
  };
  const add = (/** @type {any} */ a, /** @type {any} */ b) => ({ done: a.done + b.done, total: a.total + b.total, overdue: a.overdue + b.overdue });
  // A column per file: its name, then when it was exported.
  const heads = () => files.map((file) => {
    const th = header(file.name, "col");
    th.append(make("small", { className: "followup-age", textContent: exported(file) }));
    return th;
  });

  const renderTable = () => {
    const now = P.today();
    const table = make("table", { className: "followup" }, make("caption", { textContent: msg("Caption") }));
    table.append(make("thead", {}, make("tr", {}, header(msg("Recipe"), "col"), ...heads())));
    data.steps.forEach((/** @type {any} */ step, /** @type {number} */ index) => {
      if (!step.recipes.length) return;
      const vars = { number: index + 1, title: step.title };
      const body = make("tbody", {}, make("tr", { className: "followup-step" },
        header(msg("Step", vars), "colgroup", { colSpan: files.length + 1 })));
      const sums = files.map(() => ({ done: 0, total: 0, overdue: 0 }));
      for (const recipe of step.recipes) {
        const info = data.recipes[recipe];
        const row = make("tr", {}, header("", "row"));
        /** @type {Element} */ (row.firstChild).append(make("a", { href: info.url, textContent: info.title }));
        files.forEach((file, i) => {
          const c = tally(file, recipe, now);
          sums[i] = add(sums[i], c);
          row.append(cell(c));
        });
        body.append(row);
      }
      const sum = make("tr", { className: "followup-sum" }, header(msg("Stepsum", vars), "row"));
      for (const c of sums) sum.append(cell(c));
      body.append(sum);
      table.append(body);
    });
    area.replaceChildren(table);
  };

  // Who does what by when; a tick given to an earlier text of the item, and ticks of
  // retired items, are shown as such.
  const renderDetail = () => {
    const recipe = select.value, info = data.recipes[recipe], now = P.today();
    if (!info) return detailArea.replaceChildren();
    const table = make("table", { className: "followup followup-items" },
      make("caption", { textContent: msg("Detail", { recipe: info.title }) }));
    table.append(make("thead", {}, make("tr", {}, header(msg("Item"), "col"), ...heads())));
    const body = make("tbody");
    const retired = info.retired.filter((/** @type {string} */ id) => files.some((f) => f.items[recipe]?.[id]));
    for (const item of [...info.items, ...retired.map((/** @type {string} */ id) => ({ id, text: msg("Retired", { id }) }))]) {
      const row = make("tr", {}, header(item.text, "row"));
      for (const file of files) {
        const entry = file.items[recipe]?.[item.id], lines = [];
        lines.push(entry?.done ? msg("Date", { date: formatDay(entry.done) }) : msg("Notdone"));
        if (P.isRevised(entry, item.revision)) lines.push(msg("Revised"));
        if (entry?.who) lines.push(msg("Planwho", { who: entry.who }));
        if (entry?.due) lines.push(msg("Plandue", { date: formatDay(entry.due) }));
        if (entry?.note) lines.push(msg("Plannote", { note: entry.note }));
        const td = make("td");
        lines.forEach((line, i) => td.append(make(i ? "span" : "strong", { textContent: line })));
        if (P.isOverdue(entry, now)) td.append(make("strong", { className: "recipe-overdue", textContent: msg("Overdue") }));
        row.append(td);
      }
      body.append(row);
    }
    table.append(body);
    detailArea.replaceChildren(table);
  };

  const render = () => {
    area.hidden = detail.hidden = !files.length;
    // export, print and remove act on loaded files: off until there are some
    for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll("button[data-followup]"))) button.disabled = !files.length;
    session.save(files);
    if (!files.length) return area.replaceChildren();
    renderTable();
    renderDetail();
  };

  // Each file becomes a column, named by the progress it holds or else by its file name.
  const load = async (/** @type {File[]} */ list) => {
    const lines = [];
    let loaded = 0, unknown = 0;
    // Read side by side, then take them in the order given.
    const texts = await Promise.all(list.map((file) => file.size > P.MAX_BYTES ? null : file.text().catch(() => "")));
    for (const [index, file] of list.entries()) {
      let read;
      try {
        if (texts[index] === null) throw new P.Refusal("size");
        read = P.readFile(/** @type {string} */ (texts[index]), /** @type {string} */ (ns), ID, file.size);
      } catch (error) {
        const reason = msg("Why" + (error instanceof P.Refusal ? error.reason : "json"), { value: error.value ?? "" });
        lines.push(msg("Refused", { file: file.name, reason }));
        continue;
      }
      const base = read.name || file.name.replace(/\.json$/i, "");
      let name = base, n = 1;
      while (files.some((f) => f.name === name)) name = `${base} (${++n})`;
      unknown += P.countItems(read.items, (r, i) => !known.get(r)?.has(i));
      files.push({ name, exported: read.exported, items: read.items });
      loaded++;
    }
    if (unknown) lines.unshift(msg("Unknown", { count: unknown }));
    lines.unshift(msg("Loaded", { count: files.length }));
    status.textContent = lines.join(" ");
    if (loaded) render();
  };

  // CSV as a spreadsheet of the reader's language opens it (';' where the decimal sign is a
  // comma): one row per recipe and a total; a cell that starts like a formula stays text.
  const sep = root.dataset.csvSeparator || ",";
  const csvCell = (/** @type {unknown} */ value) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
    return /[",;\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const csv = () => {
    const now = P.today(), sums = files.map(() => ({ done: 0, total: 0, overdue: 0 }));
    /** @type {(string | number)[][]} */
    const rows = [[msg("Recipe"), ...files.flatMap((f) => ["Csvdone", "Csvtotal", "Csvoverdue", "Csvexported"].map((m) => msg(m, { name: f.name })))]];
    for (const recipe of Object.keys(data.recipes)) {
      rows.push([data.recipes[recipe].title, ...files.flatMap((f, i) => {
        const c = tally(f, recipe, now);
        sums[i] = add(sums[i], c);
        return [c.done, c.total, c.overdue, f.exported || ""];
      })]);
    }
    rows.push([msg("Csvall"), ...files.flatMap((f, i) => [sums[i].done, sums[i].total, sums[i].overdue, f.exported || ""])]);
    return rows.map((row) => row.map(csvCell).join(sep)).join("\r\n") + "\r\n";
  };
  const download = () => {
    const link = make("a", {
      href: URL.createObjectURL(new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" })),
      download: `${ns}-${P.today()}.csv`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  for (const [id, info] of Object.entries(data.recipes)) select.append(make("option", { value: id, textContent: info.title }));
  select.addEventListener("change", renderDetail);
  const picker = /** @type {HTMLInputElement} */ ($('input[data-followup="load"]'));
  picker.addEventListener("change", () => { load([...(picker.files || [])]).then(() => { picker.value = ""; }); });
  root.addEventListener("click", (event) => {
    const action = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (event.target).closest("[data-followup]"))?.dataset.followup;
    if (action === "csv" && files.length) download();
    if (action === "print") print();
    if (action === "clear") { files = []; status.textContent = msg("Empty"); render(); }
  });
  const drop = $(".followup-drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("followup-over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("followup-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("followup-over");
    load([...(event.dataTransfer?.files || [])]);
  });
  for (const note of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(".recipe-nojs"))) note.hidden = true;
  $(".followup-controls").hidden = false;
  status.textContent = files.length ? msg("Loaded", { count: files.length }) : msg("Empty");
  render();
}
