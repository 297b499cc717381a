// The classroom page: filters, the Plotly timeline and map, cards. Store text is only ever
// set as textContent, or handed to Plotly after escaping, never parsed as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("gulag-data").textContent);
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const el = (tag, text, cls) => { const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const placeById = Object.fromEntries(data.places.map((p) => [p.id, p]));
  // Plotly's toolbar without the buttons that send the chart to Plotly's cloud: the page works
  // offline, and nothing in it may reach the network.
  const CONFIG = { scrollZoom: true, displaylogo: false, responsive: true, showSendToCloud: false,
    showEditInChartStudio: false, showLink: false, modeBarButtonsToRemove: ["sendDataToCloud", "editInChartStudio"] };
  // Search forgives accents and case, as the command line does ("Zemaitis" finds Žemaitis).
  const folded = (s) => String(s).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const dagger = (e) => (e.verified ? "" : " †");
  const eventById = Object.fromEntries(data.events.map((e) => [e.id, e]));

  // Colour by first tag, each tag in the colour the chart's pictures give it (data.colours);
  // a tag without one is grey, "other".
  const used = {};
  data.events.forEach((e) => e.tags.forEach((t) => { used[t] = (used[t] || 0) + 1; }));
  const group = (e) => e.tags.find((t) => t in data.colours) || "";
  const label = (t) => (t ? data.tags[t] || t : "other");
  const colour = (t) => (t ? data.colours[t] : data.other_colour);

  Object.keys(used).sort().forEach((t) => $("tag").append(new Option(label(t), t)));
  data.places.slice().sort((a, b) => a.name.localeCompare(b.name))
    .forEach((p) => $("place").append(new Option(p.name, p.id)));

  function matches(e) {
    const q = folded($("search").value.trim());
    const text = folded([e.title, e.summary, e.description, e.date, ...e.place_names, e.also].join(" "));
    const place = $("place").value;
    // A place keeps the events of every place `--place` reaches from it (a country, a camp's divisions).
    const reached = place ? data.reach[place] || [place] : [];
    return (!$("tag").value || e.tags.includes($("tag").value))
      && (!place || e.places.some((p) => reached.includes(p)))
      && (!q || text.includes(q));
  }
  function inYear(start, end) {
    if ($("all-years").checked) return true;
    const y = Number($("year").value);
    return (!start || start <= `${y}-12-31`) && (!end || end >= `${y}-01-01`);
  }

  function drawTimeline(events) {
    const traces = [];
    const groups = [...new Set(events.map(group))];
    const [axisStart, axisEnd] = yearRange(events);
    groups.forEach((g) => {
      const members = events.filter((e) => group(e) === g);
      // Pale: how far a c. or ? date may reach, or an open end runs (to the axis's edge).
      const reaching = members.filter((e) => e.reach_start !== e.start || e.reach_end !== e.end);
      if (reaching.length) traces.push({
        type: "bar", orientation: "h", showlegend: false, legendgroup: g, marker: { color: colour(g), opacity: 0.25 },
        y: reaching.map((e) => e.id), base: reaching.map((e) => e.reach_start || axisStart),
        x: reaching.map((e) => Date.parse(e.reach_end || axisEnd) - Date.parse(e.reach_start || axisStart) + DAY),
        customdata: reaching.map((e) => e.id), hoverinfo: "skip",
      });
      // Solid, and hatched for a date known only to its month or year (as in the chart's
      // pictures); the legend shows the solid one where the tag has any.
      const solid = members.filter((e) => !e.vague), vague = members.filter((e) => e.vague);
      [[solid, ""], [vague, "/"]].forEach(([part, shape]) => { if (part.length) traces.push({
        type: "bar", orientation: "h", name: esc(label(g)), legendgroup: g,
        showlegend: part === solid || !solid.length,
        marker: { color: colour(g), pattern: { shape } },
        y: part.map((e) => e.id), base: part.map((e) => e.start),
        x: part.map((e) => Date.parse(e.end) - Date.parse(e.start) + DAY),
        customdata: part.map((e) => e.id),
        hovertext: part.map((e) => `${esc(e.title)}<br>${esc(e.date)}${dagger(e)}`),
        hoverinfo: "text",
      }); });
      const days = members.filter((e) => e.start === e.end);  // a bar one day wide is invisible
      if (days.length) traces.push({
        type: "scatter", mode: "markers", showlegend: false, legendgroup: g, marker: { symbol: "diamond", size: 9, color: colour(g) },
        y: days.map((e) => e.id), x: days.map((e) => e.start + "T12:00:00"), customdata: days.map((e) => e.id),
        hovertext: days.map((e) => `${esc(e.title)}<br>${esc(e.date)}${dagger(e)}`), hoverinfo: "text",
      });
    });
    // The titles' margin, and the legend's rows above the plot, from the width the page has:
    // fixed for a wide screen, they left a narrow one a plot a few pixels wide under the legend.
    const width = $("timeline").clientWidth || 1200;
    const left = Math.round(Math.max(110, Math.min(330, width * 0.34)));
    const chars = Math.max(14, Math.floor((left - 12) / 6.5));
    const legendRows = Math.ceil(groups.length * 150 / Math.max(width - 70, 150));
    const top = 60 + 24 * legendRows;
    const layout = {
      height: Math.max(240, top + 22 * events.length), margin: { l: left, r: 50, t: top, b: 20 },
      barmode: "overlay", paper_bgcolor: "#fff", plot_bgcolor: "#fff", showlegend: true,
      legend: { orientation: "h", x: 0, xanchor: "left", xref: "container", y: 1, yanchor: "top", yref: "container" },
      modebar: { orientation: "v" },  // beside the plot, clear of a legend that wraps
      // From the first year to the last, so an event that runs past 1962 is drawn whole.
      // The years on top, where reading starts: the rows run on for thousands of pixels.
      xaxis: { type: "date", range: yearRange(events), gridcolor: "#ddd", side: "top",
               dtick: `M${12 * yearStep((width - left - 50) / yearSpan(events))}` },  // as often as labels fit
      // Rows from the first event down, with no empty band above it (autorange pads the ends).
      yaxis: { range: [events.length - 0.5, -0.5], categoryorder: "array", categoryarray: events.map((e) => e.id),
               tickvals: events.map((e) => e.id),
               ticktext: events.map((e) => esc(short(e.title, chars - dagger(e).length) + dagger(e))) },
    };
    Plotly.react("timeline", traces, layout, CONFIG);
  }

  function short(text, chars) {  // cut to fit, the marker kept outside the cut
    return text.length > chars ? text.slice(0, chars - 1) + "…" : text;
  }

  function yearRange(events) {
    // How far a c. or ? date may reach counts too: "1945? – 1948?" may start in 1944.
    const starts = events.flatMap((e) => [e.start, e.reach_start]).filter(Boolean).sort();
    const ends = events.flatMap((e) => [e.end, e.reach_end]).filter(Boolean).sort();
    const first = starts.length ? Math.min(1945, +starts[0].slice(0, 4)) : 1945;
    const last = ends.length ? Math.max(1962, +ends[ends.length - 1].slice(0, 4)) : 1962;
    return [`${first}-01-01`, `${last + 1}-01-01`];
  }

  function yearStep(pixelsPerYear) {  // a label every 1, 2, 5 or 10 years: 40 pixels at least apart
    return [1, 2, 5, 10].find((n) => n * pixelsPerYear >= 40) || 10;
  }

  function yearSpan(events) {
    const [first, last] = yearRange(events);
    return +last.slice(0, 4) - +first.slice(0, 4);
  }

  function padded(values, pad, fallback) {  // the extent of the points, with a margin
    const shown = values.filter((v) => v !== null && v !== undefined);
    return shown.length ? [Math.min(...shown) - pad, Math.max(...shown) + pad] : fallback;
  }

  function labels(places) {  // places within a label's reach (Norilsk and Gorlag) share one: "Norilsk / Gorlag"
    const anchors = [], text = places.map(() => "");
    places.forEach((p, i) => {
      const near = anchors.find((a) => Math.abs(places[a].lon - p.lon) < 3 && Math.abs(places[a].lat - p.lat) < 1);
      if (near === undefined) { anchors.push(i); text[i] = p.name; } else text[near] += " / " + p.name;
    });
    return text.map(esc);
  }

  function drawMap(events) {
    const ox = [], oy = [];
    data.outlines.forEach((ring) => { ring.forEach(([x, y]) => { ox.push(x); oy.push(y); }); ox.push(null); oy.push(null); });
    // A camp never set up is on the map of all years, where it was to be, but open in none.
    const places = data.places.filter((p) => p.lon !== null && inYear(p.opened, p.closed)
      && (!p.never_open || $("all-years").checked));
    const located = events.filter((e) => e.points.length && inYear(e.start, e.end));
    const ex = [], ey = [], eid = [], etext = [];
    located.forEach((e) => e.points.forEach(([x, y]) => { ex.push(x); ey.push(y); eid.push(e.id);
      etext.push(`${esc(e.title)}<br>${esc(e.date)}`); }));
    const traces = [
      { type: "scatter", mode: "lines", x: ox, y: oy, line: { color: "#999", width: 1 }, hoverinfo: "skip",
        showlegend: false },
      // Names as labels only while few enough to read; otherwise on hover, like everything else.
      { type: "scatter", mode: places.length <= 30 ? "markers+text" : "markers", name: "places", x: places.map((p) => p.lon),
        y: places.map((p) => p.lat), text: labels(places), textposition: "top center",
        customdata: places.map((p) => "place:" + p.id), marker: { size: 9, color: "#444", symbol: "square" },
        hovertext: places.map((p) => esc(`${p.name}: ${p.type}`)), hoverinfo: "text" },
      { type: "scatter", mode: "markers", name: "events", x: ex, y: ey, customdata: eid,
        marker: { size: 14, color: "rgba(214,39,40,0.45)", line: { color: "#d62728", width: 1 } },
        hovertext: etext, hoverinfo: "text" },
    ];
    const layout = {
      height: 520, margin: { l: 60, r: 10, t: 10, b: 50 }, paper_bgcolor: "#fff", plot_bgcolor: "#eef4f8",
      // Every place in the store on the map (Germany's special camps to Chukotka), not a fixed frame.
      xaxis: { range: padded(data.places.map((p) => p.lon), 4, [20, 180]), showgrid: false, zeroline: false,
               title: { text: "longitude (°E)" } },
      yaxis: { range: padded(data.places.map((p) => p.lat), 3, [38, 80]), showgrid: false, zeroline: false,
               scaleanchor: "x", scaleratio: 2, title: { text: "latitude (°N)" } },
      legend: { orientation: "h" },
    };
    Plotly.react("map", traces, layout, CONFIG);
  }

  function showCard(id) {
    const card = $("card");
    card.replaceChildren();
    const close = el("button", "×");
    close.setAttribute("aria-label", "close");
    close.onclick = () => { card.hidden = true; };
    card.append(close);
    if (id.startsWith("place:")) {
      const p = placeById[id.slice(6)];
      if (!p) return;
      card.append(el("h3", p.name), el("p", `${p.type}, ${p.country}`, "date"));
      const span = `${p.opened || "?"} – ${p.closed || "?"}`;
      if (p.opened || p.closed) card.append(el("p", p.organised ? `On record: ${span}` : `In operation: ${span}`));
      if (p.organised) card.append(el("p", `Organised: ${p.organised}`));
      if (p.summary) card.append(el("p", p.summary));
      // Every count, a year's 1 January and a later day alike, "c." kept: as `gulag show` lists them.
      (p.counts || []).forEach(([when, value]) => card.append(el("p", `${when}: ${value} prisoners`)));
    } else {
      const e = eventById[id];
      if (!e) return;
      card.dataset.event = e.id;
      card.append(el("h3", e.title), el("p", e.date, "date"), el("p", e.summary));
      if (e.description) card.append(el("p", e.description));
      if (e.place_names.length) card.append(el("p", "Places: " + e.place_names.join(", ")));
      if (!e.verified) card.append(el("p", data.unverified));
      if (e.terms.length) {  // the glossary's words for what the event names
        card.append(el("h4", "Terms"));
        e.terms.forEach((id) => {
          const t = data.terms[id];
          const p = el("p", undefined, "term");
          p.append(el("strong", t.term), `: ${t.definition}`);
          card.append(p);
          t.notes.forEach((n) => card.append(el("p", `${n.kind}: ${n.text}`, "note")));
        });
      }
      if (e.notes.length) {
        card.append(el("h4", "Notes"));
        e.notes.forEach((n) => card.append(el("p", `${n.kind}: ${n.text}`, "note")));
      }
      card.append(el("h4", "Sources"));
      const list = el("ul", undefined, "sources");
      e.sources.forEach((s) => {
        const li = el("li");
        const name = s.title + (s.who ? ", " + s.who : "");
        if (/^https?:\/\//.test(s.url)) {  // a link for a reader to follow, never javascript:
          const a = el("a", name); a.href = s.url; a.rel = "noopener noreferrer"; li.append(a);
        } else li.textContent = name;
        list.append(li);
      });
      card.append(list);
    }
    card.hidden = false;
  }

  function update() {
    const events = data.events.filter(matches);
    $("year-label").textContent = $("all-years").checked ? "all years" : $("year").value;
    $("count").textContent = `${events.length} of ${data.events.length} events`;
    const list = $("events");
    list.replaceChildren(...events.map((e) => {
      const li = el("li", undefined, "event");
      li.dataset.id = e.id;
      // A link to the event's card: reached with Tab, opened with Enter, and its address is the card's.
      const link = el("a", undefined, "title");
      link.href = "#" + encodeURIComponent(e.id);
      link.onclick = () => showCard(e.id);  // also when the address already names it
      link.append(el("span", e.date, "date"), el("span", e.title + dagger(e)));
      li.append(link);
      return li;
    }));
    drawTimeline(events);
    drawMap(events);
  }

  ["search", "tag", "place", "year", "all-years"].forEach((id) => $(id).addEventListener("input", update));
  let resized;  // the margins follow the window's width (after the last resize of a drag)
  window.addEventListener("resize", () => { clearTimeout(resized); resized = setTimeout(update, 200); });
  $("year").addEventListener("input", () => { $("all-years").checked = false; update(); });
  update();
  for (const id of ["timeline", "map"]) {
    $(id).on("plotly_click", (ev) => { const p = ev.points[0]; if (p && p.customdata) showCard(p.customdata); });
  }
  function fromHash() {  // the address names a card: on load, and on a link followed or Back pressed
    let wanted = "";
    try { wanted = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }  // a malformed %
    if (wanted) showCard(wanted);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.body.dataset.ready = "true";
})();
