/* Follow-up view: the reader loads several progress files (picker or drag and drop) and
   sees each partnership's progress per recipe, grouped by process step, with a detail
   table of one recipe. Files are read in this browser and never sent anywhere. The
   files are checked by the same model as the checklists (window.RecipeProgress). */
(() => {
  "use strict";
  const root = document.querySelector(".recipe-followup");
  const P = window.RecipeProgress;
  if (!root || !P) return;
  const data = JSON.parse(root.dataset.catalogue);
  const msg = (name, vars) => P.fill(root.dataset["msg" + name], vars);
  const $ = (selector) => root.querySelector(selector);
  const status = $(".followup-status"), area = $(".followup-table"), detail = $(".followup-detail");
  const select = $("#followup-recipe"), detailArea = $(".followup-detail-table");
  const make = (tag, props = {}, ...children) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const header = (text, scope, props = {}) => {
    const th = make("th", { textContent: text, ...props });
    th.setAttribute("scope", scope);
    return th;
  };
  const known = new Map(Object.entries(data.recipes).map(([id, r]) => [id, new Set(r.items.map((i) => i.id))]));
  let files = [];  // {name, items}, in the order loaded

  const tally = (file, recipe, now) => {
    const entries = file.items[recipe] ?? Object.create(null);
    const items = data.recipes[recipe].items;
    return {
      done: items.filter((i) => entries[i.id]?.done).length,
      total: items.length,
      overdue: items.filter((i) => P.isOverdue(entries[i.id], now)).length,
    };
  };
  const cell = (c) => {
    const td = make("td", {}, make("span", { textContent: msg("Cell", c) }));
    if (c.overdue) td.append(" ", make("strong", { className: "recipe-overdue", textContent: msg("Countoverdue", c) }));
    return td;
  };
  const add = (a, b) => ({ done: a.done + b.done, total: a.total + b.total, overdue: a.overdue + b.overdue });

  const renderTable = () => {
    const now = P.today();
    const table = make("table", { className: "followup" }, make("caption", { textContent: msg("Caption") }));
    const head = make("tr", {}, header(msg("Recipe"), "col"));
    for (const file of files) head.append(header(file.name, "col"));
    table.append(make("thead", {}, head));
    data.steps.forEach((step, index) => {
      if (!step.recipes.length) return;
      const vars = { number: index + 1, title: step.title };
      const body = make("tbody", {}, make("tr", { className: "followup-step" },
        header(msg("Step", vars), "colgroup", { colSpan: files.length + 1 })));
      const sums = files.map(() => ({ done: 0, total: 0, overdue: 0 }));
      for (const recipe of step.recipes) {
        const info = data.recipes[recipe];
        const row = make("tr", {}, header("", "row"));
        row.firstChild.append(make("a", { href: info.url, textContent: info.title }));
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

  const renderDetail = () => {
    const recipe = select.value, info = data.recipes[recipe], now = P.today();
    if (!info) return detailArea.replaceChildren();
    const table = make("table", { className: "followup followup-items" },
      make("caption", { textContent: msg("Detail", { recipe: info.title }) }));
    const head = make("tr", {}, header(msg("Item"), "col"));
    for (const file of files) head.append(header(file.name, "col"));
    table.append(make("thead", {}, head));
    const body = make("tbody");
    for (const item of info.items) {
      const row = make("tr", {}, header(item.text, "row"));
      for (const file of files) {
        const entry = file.items[recipe]?.[item.id], lines = [];
        lines.push(entry?.done ? msg("Date", { date: P.formatDay(entry.done) }) : msg("Notdone"));
        if (entry?.who) lines.push(msg("Planwho", { who: entry.who }));
        if (entry?.due) lines.push(msg("Plandue", { date: P.formatDay(entry.due) }));
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
    for (const button of root.querySelectorAll("button[data-followup]")) button.disabled = !files.length;
    if (!files.length) return area.replaceChildren();
    renderTable();
    renderDetail();
  };

  // Each file becomes a column, named by the progress it holds or else by its file name.
  const load = async (list) => {
    const lines = [];
    let loaded = 0, unknown = 0;
    // Read side by side, then take them in the order given.
    const texts = await Promise.all(list.map((file) => file.size > P.MAX_BYTES ? null : file.text().catch(() => "")));
    for (const [index, file] of list.entries()) {
      let read;
      try {
        if (texts[index] === null) throw new P.Refusal("size");
        read = P.readFile(texts[index], file.size);
      } catch (error) {
        const reason = msg("Why" + (error instanceof P.Refusal ? error.reason : "json"), { value: error.value ?? "" });
        lines.push(msg("Refused", { file: file.name, reason }));
        continue;
      }
      let name = read.name || file.name.replace(/\.json$/i, ""), n = 1;
      while (files.some((f) => f.name === name)) name = `${read.name || file.name} (${++n})`;
      unknown += P.countItems(read.items, (r, i) => !known.get(r)?.has(i));
      files.push({ name, items: read.items });
      loaded++;
    }
    if (unknown) lines.unshift(msg("Unknown", { count: unknown }));
    lines.unshift(msg("Loaded", { count: files.length }));
    status.textContent = lines.join(" ");
    if (loaded) render();
  };

  // CSV as a spreadsheet opens it; a cell that starts like a formula is kept as text.
  const csvCell = (value) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
    return /[",;\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const csv = () => {
    const now = P.today();
    const rows = [[msg("Csvstep"), msg("Recipe"), ...files.flatMap((f) =>
      [msg("Csvdone", { name: f.name }), msg("Csvtotal", { name: f.name }), msg("Csvoverdue", { name: f.name })])]];
    data.steps.forEach((step, index) => {
      for (const recipe of step.recipes) {
        rows.push([msg("Step", { number: index + 1, title: step.title }), data.recipes[recipe].title,
          ...files.flatMap((f) => { const c = tally(f, recipe, now); return [c.done, c.total, c.overdue]; })]);
      }
    });
    return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  };
  const download = () => {
    const link = make("a", {
      href: URL.createObjectURL(new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" })),
      download: `${document.querySelector('meta[name="recipes-namespace"]').content}-${P.today()}.csv`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  for (const [id, info] of Object.entries(data.recipes)) select.append(make("option", { value: id, textContent: info.title }));
  select.addEventListener("change", renderDetail);
  const picker = $('input[data-followup="load"]');
  picker.addEventListener("change", () => { load([...picker.files]).then(() => { picker.value = ""; }); });
  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-followup]")?.dataset.followup;
    if (action === "csv" && files.length) download();
    if (action === "print") window.print();
    if (action === "clear") { files = []; status.textContent = msg("Empty"); render(); }
  });
  const drop = $(".followup-drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("followup-over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("followup-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("followup-over");
    load([...event.dataTransfer.files]);
  });
  for (const note of root.querySelectorAll(".recipe-nojs")) note.hidden = true;
  $(".followup-controls").hidden = false;
  status.textContent = msg("Empty");
  render();
})();
