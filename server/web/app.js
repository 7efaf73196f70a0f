// kg's page: search, an entity's roles, timeline with supporting
// sentences and neighbourhood, and a Gizmo query box. No dependencies.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "onclick") e.addEventListener("click", v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function link(name) {
  return el("a", { onclick: () => show(name), "data-name": name }, name);
}

async function loadCentral() {
  const list = $("central");
  list.replaceChildren();
  for (const a of await getJSON("/api/kg/central?top=10")) {
    list.append(el("li", {}, link(a.name), ` (${a.articles})`));
  }
}

async function search(q) {
  const list = $("results");
  list.replaceChildren();
  try {
    const found = await getJSON("/api/kg/search?q=" + encodeURIComponent(q));
    if (found.length === 0) list.append(el("li", { class: "muted" }, "nothing found"));
    for (const m of found) list.append(el("li", {}, link(m.name), ` ${m.type}`));
    if (found.length > 0) show(found[0].node);
  } catch (err) {
    list.append(el("li", { class: "muted" }, err.message));
  }
}

// Each page has its own address (#/entity/NAME), to share or bookmark.
const entityHash = "#/entity/";

async function show(name) {
  const e = await getJSON("/api/kg/entity?name=" + encodeURIComponent(name));
  const hash = entityHash + encodeURIComponent(e.node);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  $("entity").hidden = false;
  $("entity-name").textContent = e.name;
  $("entity-names").textContent = `${e.type} · also named ${e.names.join(", ")} · ${e.sources.length} articles`;
  const roles = $("roles");
  roles.replaceChildren();
  for (const r of e.roles) {
    let t = r.title + (r.country ? ` of ${r.country}` : "") + (r.posted_to ? `, posted to ${r.posted_to}` : "");
    roles.append(el("li", {}, t, el("span", { class: "muted" }, ` — ${r.articles.length} articles`)));
  }
  for (const m of e.members || []) {
    roles.append(el("li", {}, link(m), el("span", { class: "muted" }, " — speaks or works for it")));
  }
  if (e.roles.length === 0 && !(e.members || []).length) roles.append(el("li", { class: "muted" }, "none"));
  const tl = $("timeline");
  tl.replaceChildren();
  for (const ev of e.events) {
    const head = el("div", {},
      el("strong", {}, ev.date || "undated"), ` ${ev.kind}`,
      ev.place ? ` in ${ev.place}` : "", " ",
      el("span", { class: "status-" + ev.status }, ev.status), " — ",
      ...ev.participants.flatMap((p, i) => (i ? [", ", link(p)] : [link(p)])));
    const quotes = ev.quotes.map((q) => el("blockquote", { class: "quote" }, q.text,
      el("span", { class: "muted" }, ` (${q.article.replace("kg:article/", "")}, sentence ${q.sentence})`)));
    tl.append(el("li", { class: "event" }, head, ...quotes));
  }
  if (e.events.length === 0) tl.append(el("li", { class: "muted" }, "none"));
  drawGraph(e);
}

const colours = { person: "#cfe2ff", organization: "#fff3cd", country: "#d1e7dd", place: "#e2f0d9", event: "#f8d7da" };

function drawGraph(e) {
  const svg = $("graph");
  svg.replaceChildren();
  const ns = "http://www.w3.org/2000/svg";
  const centre = e.neighborhood.nodes.find((n) => n.node === e.node);
  const others = e.neighborhood.nodes.filter((n) => n !== centre);
  const pos = new Map();
  if (centre) pos.set(centre.id, [0, 0]);
  others.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(others.length, 1);
    pos.set(n.id, [Math.cos(a) * 320, Math.sin(a) * 210]);
  });
  for (const ed of e.neighborhood.edges) {
    const [x1, y1] = pos.get(ed.from), [x2, y2] = pos.get(ed.to);
    const line = document.createElementNS(ns, "line");
    Object.entries({ x1, y1, x2, y2, stroke: "#999", "stroke-width": Math.min(1 + ed.weight / 2, 5) })
      .forEach(([k, v]) => line.setAttribute(k, v));
    const title = document.createElementNS(ns, "title");
    title.textContent = ed.relation;
    line.append(title);
    svg.append(line);
  }
  for (const n of e.neighborhood.nodes) {
    const [x, y] = pos.get(n.id);
    const g = document.createElementNS(ns, "g");
    g.setAttribute("class", "node");
    const c = document.createElementNS(ns, "circle");
    Object.entries({ cx: x, cy: y, r: n === centre ? 14 : 9, fill: colours[n.type] || "#eee", stroke: "#555" })
      .forEach(([k, v]) => c.setAttribute(k, v));
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x + 12);
    t.setAttribute("y", y + 4);
    // Events of the same pair differ by kind, date and place.
    const label = n.type === "event"
      ? `${n.kind || "event"} ${n.date || "undated"}${n.place ? " · " + n.place : ""}`
      : n.name;
    t.textContent = label.length > 40 ? label.slice(0, 38) + "…" : label;
    g.append(c, t);
    if (n.type !== "event") g.addEventListener("click", () => show(n.node));
    svg.append(g);
  }
}

// A query's rows show as a table, with the raw JSON below on demand.
async function runQuery() {
  const out = $("query-result");
  const table = $("query-table");
  out.textContent = "…";
  table.replaceChildren();
  const r = await fetch("/api/v2/query?lang=gizmo", { method: "POST", body: $("gizmo").value });
  const body = await r.json();
  out.textContent = JSON.stringify(body, null, 2);
  const rows = Array.isArray(body.result) ? body.result : [];
  const objects = rows.length > 0 && rows.every((row) => row && typeof row === "object" && !Array.isArray(row));
  $("query-raw").open = !objects;
  if (!objects) return;
  const cols = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  table.append(el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", {}, c)))));
  const tbody = el("tbody", {});
  for (const row of rows) {
    tbody.append(el("tr", {}, ...cols.map((c) => el("td", {}, c in row ? String(row[c]) : ""))));
  }
  table.append(tbody);
}

function showFromHash() {
  if (location.hash.startsWith(entityHash)) {
    show(decodeURIComponent(location.hash.slice(entityHash.length))).catch(() => {});
  }
}

$("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search($("search").value); });
$("run-query").addEventListener("click", runQuery);
window.addEventListener("hashchange", showFromHash);
loadCentral();
showFromHash();
