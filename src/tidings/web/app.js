// tidings web page: timeline, offline map, evidence view. No build step, no network beyond
// this server. Safety rule: data from the store (article text, titles, actors, URLs) is only
// ever put into the page with textContent, setAttribute on inert attributes, or as a link
// href after checking it is plain http(s). Never innerHTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 480;
  const KIND_LABEL = { trigger: "trigger", actor1: "actor 1", actor2: "actor 2", assoc_actor: "associated actor", date: "date", location: "place", fatalities: "fatalities" };
  const state = { items: [], selected: null, loads: 0 };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }

  function status(msg) { document.getElementById("status").textContent = msg || ""; }

  async function getJSON(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return body;
  }

  function when(c) {
    if (!c.date_begin) return "undated";
    return (!c.date_end || c.date_end === c.date_begin) ? c.date_begin : c.date_begin + " \u2013 " + c.date_end;
  }

  function killed(c) {
    if (c.fatalities_low === null || c.fatalities_low === undefined) return "";
    return c.fatalities_low === c.fatalities_high ? String(c.fatalities_low) : c.fatalities_low + "\u2013" + c.fatalities_high;
  }

  function place(c) { return [c.location, c.country].filter(Boolean).join(", ") || "?"; }

  function project(lon, lat) { return [(lon + 180) / 360 * W, (90 - lat) / 180 * H]; }

  // ---- filters and timeline ----
  function query() {
    const f = document.getElementById("filters");
    const p = new URLSearchParams();
    for (const name of ["type", "from", "to", "country", "actor", "text"]) {
      const v = f.elements[name].value.trim();
      if (v) p.set(name, v);
    }
    if (f.elements.disputed.checked) p.set("disputed", "true");
    return p;
  }

  async function loadTimeline() {
    status("loading\u2026");
    try {
      const data = await getJSON("/api/timeline?" + query().toString());
      state.items = data.items;
      renderTimeline(data);
      renderPoints();
      status(data.truncated ? "showing the first " + data.items.length + " events; narrow the filters" : "");
    } catch (e) {
      status(e.message);
    }
    document.body.setAttribute("data-loads", String(++state.loads));
  }

  function renderTimeline(data) {
    const body = document.querySelector("#timeline tbody");
    clear(body);
    document.getElementById("count").textContent = "(" + data.items.length + (data.truncated ? "+" : "") + " events)";
    if (!data.items.length) {
      body.appendChild(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "No events match these filters.")));
      return;
    }
    for (const c of data.items) {
      const flags = el("td", {});
      for (const d of c.disagreements) flags.appendChild(el("span", { class: "flag", "data-testid": "flag", title: "sources disagree on the " + d }, d + " disputed"));
      const row = el("tr", { "data-id": c.id, "data-testid": "timeline-row", tabindex: 0 },
        el("td", {}, when(c)),
        el("td", {}, c.event_type, el("br"), el("small", {}, c.sub_event_type)),
        el("td", {}, place(c)),
        el("td", {}, killed(c)),
        el("td", {}, c.n_sources),
        flags);
      if (c.id === state.selected) row.classList.add("selected");
      row.addEventListener("click", () => { location.hash = "#/event/" + encodeURIComponent(c.id); });
      row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") location.hash = "#/event/" + encodeURIComponent(c.id); });
      body.appendChild(row);
    }
  }

  // ---- map ----
  function ringPath(ring) {
    let d = "";
    ring.forEach((pt, i) => {
      const [x, y] = project(Number(pt[0]), Number(pt[1]));
      d += (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
    });
    return d + "Z";
  }

  async function loadMap() {
    const g = document.getElementById("countries");
    try {
      const topo = await getJSON("/static/vendor/world-atlas/countries-110m.json");
      const geo = window.topojson.feature(topo, topo.objects.countries);
      for (const f of geo.features) {
        if (!f.geometry) continue;
        const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        const path = svg("path", { class: "country", d: polys.map((p) => p.map(ringPath).join("")).join("") });
        const title = svg("title");
        title.textContent = (f.properties && f.properties.name) || "";
        path.appendChild(title);
        g.appendChild(path);
      }
      document.getElementById("map").setAttribute("data-loaded", "true");
    } catch (e) {
      status("map: " + e.message);
    }
  }

  function located() { return state.items.filter((c) => typeof c.latitude === "number" && typeof c.longitude === "number"); }

  function fitView(points) {
    if (!points.length) return [0, 0, W, H];
    const xs = points.map((c) => project(c.longitude, c.latitude));
    let x0 = Math.min(...xs.map((p) => p[0])), x1 = Math.max(...xs.map((p) => p[0]));
    let y0 = Math.min(...xs.map((p) => p[1])), y1 = Math.max(...xs.map((p) => p[1]));
    let w = Math.max((x1 - x0) * 1.4, 100), h = Math.max((y1 - y0) * 1.4, 50);
    if (w / h > 2) h = w / 2; else w = h * 2;
    w = Math.min(w, W); h = Math.min(h, H);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    return [Math.max(0, Math.min(W - w, cx - w / 2)), Math.max(0, Math.min(H - h, cy - h / 2)), w, h];
  }

  function renderPoints() {
    const g = document.getElementById("points");
    clear(g);
    const pts = located();
    const view = fitView(pts);
    const map = document.getElementById("map");
    map.setAttribute("viewBox", view.map((v) => v.toFixed(1)).join(" "));
    const r = Math.max(view[2] / 120, 0.4);
    for (const c of pts) {
      const [x, y] = project(c.longitude, c.latitude);
      const dot = svg("circle", { class: "point", cx: x.toFixed(2), cy: y.toFixed(2), r: r.toFixed(2), "data-id": c.id, "data-testid": "map-point" });
      const title = svg("title");
      title.textContent = when(c) + " " + c.sub_event_type + " @ " + place(c);
      dot.appendChild(title);
      dot.addEventListener("click", () => { location.hash = "#/event/" + encodeURIComponent(c.id); });
      g.appendChild(dot);
    }
    markSelected();
  }

  function markSelected() {
    for (const n of document.querySelectorAll("#points circle, #timeline tbody tr")) {
      n.classList.toggle("selected", n.getAttribute("data-id") === state.selected);
    }
    const dot = document.querySelector("#points circle.selected");
    if (dot) {
      dot.setAttribute("r", (Number(dot.getAttribute("r")) * 1.6).toFixed(2));
      dot.parentNode.appendChild(dot);
    }
  }

  // ---- event view ----
  function sentence(m) {
    const p = el("p", { class: "sentence", "data-testid": "sentence" });
    for (const seg of m.segments || []) {
      if (!seg.kinds.length) { p.appendChild(document.createTextNode(seg.text)); continue; }
      const kinds = seg.kinds.slice();
      const mark = el("mark", { class: kinds.map((k) => "k-" + k).join(" "), "data-kinds": kinds.join(" "), title: kinds.map((k) => KIND_LABEL[k] || k).join(", ") }, seg.text);
      p.appendChild(mark);
    }
    return p;
  }

  function source(m) {
    const href = safeHref(m.url);
    const name = m.title || m.source;
    const head = el("div", { class: "meta" },
      href ? el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank", "data-testid": "source-link" }, m.outlet) : el("span", {}, m.outlet),
      " \u00b7 " + (m.published || "undated") + " \u00b7 ",
      el("span", { "data-testid": "source-title" }, name));
    const dead = m.fatalities === null || m.fatalities === undefined ? "?" : String(m.fatalities);
    const facts = el("div", { class: "meta" },
      m.type + " / " + m.sub_type + "; date " + (m.date_begin || "?") + (m.date_text ? " (\u201c" + m.date_text + "\u201d)" : "") + "; place " + (m.location || "?") + "; killed " + dead +
      (m.duplicate_of && m.duplicate_of.length ? " (near-duplicate of another source)" : ""));
    return el("div", { class: "source", "data-testid": "source", "data-id": m.id }, head, sentence(m), facts);
  }

  function legend() {
    const box = el("p", { class: "legend" });
    for (const k of ["trigger", "actor1", "date", "location", "fatalities"]) box.appendChild(el("mark", { class: "k-" + k }, KIND_LABEL[k]));
    return box;
  }

  async function showEvent(id) {
    const box = document.getElementById("event");
    state.selected = id;
    markSelected();
    try {
      const d = await getJSON("/api/events/" + encodeURIComponent(id));
      state.selected = d.id;
      markSelected();
      clear(box);
      box.hidden = false;
      box.setAttribute("data-id", d.id);
      const flags = d.disagreements.map((x) => el("span", { class: "flag" }, x + " disputed"));
      box.appendChild(el("h3", { "data-testid": "event-title" }, d.event_type + " / " + d.sub_event_type));
      box.appendChild(el("p", { class: "facts", "data-testid": "event-facts" },
        when(d) + " \u00b7 " + place(d) + (killed(d) ? " \u00b7 killed " + killed(d) : "") + " \u00b7 " + d.n_sources + " source" + (d.n_sources === 1 ? "" : "s") + " ", ...flags));
      box.appendChild(el("p", { class: "notes" }, d.notes));
      box.appendChild(legend());
      for (const m of d.events) box.appendChild(source(m));
    } catch (e) {
      clear(box);
      box.hidden = false;
      box.appendChild(el("p", { class: "empty" }, e.message));
    }
  }

  function route() {
    const m = /^#\/event\/(.+)$/.exec(location.hash);
    if (m) { showEvent(decodeURIComponent(m[1])); return; }
    state.selected = null;
    document.getElementById("event").hidden = true;
    markSelected();
  }

  async function loadTypes() {
    try {
      const meta = await getJSON("/api/meta");
      const sel = document.getElementById("f-type");
      for (const t of meta.types) sel.appendChild(el("option", { value: t }, t));
    } catch (e) {
      status(e.message);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const form = document.getElementById("filters");
    form.addEventListener("submit", (ev) => { ev.preventDefault(); loadTimeline(); });
    form.addEventListener("reset", () => setTimeout(loadTimeline, 0));
    window.addEventListener("hashchange", route);
    await Promise.all([loadTypes(), loadMap()]);
    await loadTimeline();
    route();
    document.body.setAttribute("data-ready", "true");
  });
})();
