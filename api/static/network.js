// Organisation network: draws /network with cytoscape + fCoSE, filters, side panel, expansion, export,
// and a keyboard list of the drawn nodes (a listbox with a roving tab stop) for people who cannot use the canvas.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var box = document.getElementById("cy");
  var status = document.getElementById("graph-status");
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var panelEmpty = document.getElementById("panel-empty");
  var panelTitle = document.getElementById("panel-title");
  var listbox = document.getElementById("node-list");
  var listEmpty = document.getElementById("node-list-empty");
  var KIND_COLOURS = { police: "#1f5fa8", front: "#c0392b", party: "#b8860b", government: "#2e8b57",
                       steering: "#7b4fa0", other: "#6b7280" };
  var EDGE_COLOURS = { subOrganizationOf: "#555", holdsPostIn: "#1f77b4", heldPostIn: "#9ecae1", organized: "#2ca02c", chaired: "#d62728",
                       attended: "#aaa", partyTo: "#9467bd", implements: "#8c564b" };
  var cy = null, current = null;

  if (typeof cytoscape === "undefined") {
    status.textContent = antq.t("vendor_missing");
    return;
  }
  if (typeof cytoscapeFcose !== "undefined") { cytoscape.use(cytoscapeFcose); }

  // A seeded generator, so the same graph is always laid out the same way.
  function seeded(seed) {
    return function () {
      seed |= 0; seed = seed + 0x6D2B79F5 | 0;
      var t = Math.imul(seed ^ seed >>> 15, 1 | seed);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }

  function filters() {
    var data = new FormData(form);
    return {
      programme: data.get("programme") || "", province: data.get("province") || "",
      from: parseInt(data.get("from"), 10) || null, to: parseInt(data.get("to"), 10) || null,
      edges: data.getAll("edge")
    };
  }

  function query(f) {
    var p = new URLSearchParams();
    if (f.programme) { p.set("programme", f.programme); }
    if (f.province) { p.set("province", f.province); }
    return p;
  }

  function edgeKept(e, f) {
    if (f.edges.indexOf(e.type) < 0) { return false; }
    if (e.date && (f.from || f.to)) {
      var year = parseInt(String(e.date).slice(0, 4), 10);
      if (f.from && year < f.from) { return false; }
      if (f.to && year > f.to) { return false; }
    }
    return true;
  }

  // Keep the edges the client-side filters allow; drop nodes that only those edges connected.
  function select(graph, f) {
    var ids = {}, touched = {}, linked = {};
    graph.nodes.forEach(function (n) { ids[n.id] = true; });
    var edges = graph.edges.filter(function (e) {
      if (!ids[e.source] || !ids[e.target]) { return false; }
      touched[e.source] = touched[e.target] = true;
      if (!edgeKept(e, f)) { return false; }
      linked[e.source] = linked[e.target] = true;
      return true;
    });
    var nodes = graph.nodes.filter(function (n) { return linked[n.id] || !touched[n.id]; });
    return { nodes: nodes, edges: edges };
  }

  function elements(graph) {
    var els = graph.nodes.map(function (n) {
      return { group: "nodes", data: { id: n.id, label: n.label || n.slug || n.id, type: n.type, kind: n.kind || "other",
               province: n.province || "", slug: n.slug || "" } };
    });
    graph.edges.forEach(function (e) {
      els.push({ group: "edges", data: { id: e.type + "|" + e.source + "|" + e.target + "|" + (e.date || ""),
                 source: e.source, target: e.target, type: e.type, date: e.date || "" } });
    });
    return els;
  }

  function style() {
    var s = [
      { selector: "node", style: { label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
        "min-zoomed-font-size": 7, width: 14, height: 14, "background-color": KIND_COLOURS.other, color: "#222",
        "text-valign": "bottom", "text-margin-y": 2 } },
      { selector: "node[type = 'person']", style: { shape: "ellipse", "background-color": "#f2f2f2", "border-width": 2,
        "border-color": "#333", width: 10, height: 10 } },
      { selector: "node[type = 'programme']", style: { shape: "diamond", "background-color": "#e67e22", width: 20, height: 20 } },
      { selector: "edge", style: { width: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.6,
        opacity: 0.75 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#000", "overlay-opacity": 0.15 } }
    ];
    Object.keys(KIND_COLOURS).forEach(function (k) {
      s.splice(1, 0, { selector: "node[type = 'org'][kind = '" + k + "']", style: { shape: "round-rectangle",
        "background-color": KIND_COLOURS[k] } });
    });
    Object.keys(EDGE_COLOURS).forEach(function (k) {
      s.push({ selector: "edge[type = '" + k + "']", style: { "line-color": EDGE_COLOURS[k], "target-arrow-color": EDGE_COLOURS[k] } });
    });
    return s;
  }

  function layout() {
    var n = cy.nodes().length;
    var random = Math.random;
    Math.random = seeded(20240412);
    try {
      cy.layout({ name: typeof cytoscapeFcose !== "undefined" ? "fcose" : "cose", animate: false, randomize: true,
                  quality: n > 250 ? "draft" : "default", nodeRepulsion: 6000, idealEdgeLength: 70, fit: true,
                  tilingPaddingVertical: 24, tilingPaddingHorizontal: 60, nodeSeparation: 90,
                  padding: 20, numIter: n > 250 ? 1000 : 2500 }).run();
    } finally {
      Math.random = random;
    }
  }

  function count() {
    renderList();
    box.dataset.nodeCount = cy.nodes().length;
    box.dataset.edgeCount = cy.edges().length;
    status.textContent = cy.nodes().length + " " + antq.t("nodes") + " · " + cy.edges().length + " " + antq.t("edges");
  }

  function draw(graph) {
    if (cy) { cy.destroy(); }
    cy = cytoscape({ container: box, elements: elements(graph), style: style(),
                     hideEdgesOnViewport: graph.nodes.length > 300, textureOnViewport: graph.nodes.length > 300,
                     minZoom: 0.05, maxZoom: 4 });
    window.antqNetwork = cy;  // for the browser console and the end-to-end tests
    layout();
    count();
    cy.on("tap", "node", function (ev) { openPanel(ev.target); });
    cy.on("dbltap", "node", function (ev) { expand(ev.target); });
    cy.on("tap", function (ev) { if (ev.target === cy) { closePanel(); } });
  }

  // ---- The list of nodes: the same nodes as the canvas, in the order of /network (type, then label). ----

  var GROUPS = { org: "organisations", person: "officials", programme: "programmes" };
  var tabStop = null;              // id of the node whose option takes part in the Tab order
  var typed = "", typedAt = 0;     // type-ahead buffer

  function byTypeThenLabel(a, b) {  // the server's sort (Python compares strings by code point, so does < here)
    var ta = a.data("type"), tb = b.data("type");
    if (ta !== tb) { return ta < tb ? -1 : 1; }
    var la = a.data("label"), lb = b.data("label");
    return la < lb ? -1 : la > lb ? 1 : 0;
  }

  function fold(text) {  // for type-ahead: no tone marks, đ = d, lower case
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function kindText(d) { return antq.t("kind_" + (d.type === "org" ? d.kind : d.type)); }

  function options() { return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]")); }

  function optionFor(id) {
    return options().filter(function (o) { return o.dataset.id === id; })[0] || null;
  }

  function renderList() {
    var focused = document.activeElement && listbox.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    var open = panelBody.hidden ? null : panel.dataset.node;
    var nodes = cy.nodes().toArray().sort(byTypeThenLabel);
    var ids = {};
    nodes.forEach(function (n) { ids[n.id()] = true; });
    if (!tabStop || !ids[tabStop]) { tabStop = nodes.length ? nodes[0].id() : null; }
    listbox.textContent = "";
    var groups = {};
    nodes.forEach(function (n) {  // sorted by type, so each type's options form one group
      var d = n.data();
      var type = d.type;
      if (!groups[type]) {
        var g = antq.el("div", { role: "group", "aria-labelledby": "node-group-" + type });
        g.appendChild(antq.el("div", { role: "presentation", id: "node-group-" + type, "class": "group-label" },
                              antq.t(GROUPS[type] || type)));
        groups[type] = g;
        listbox.appendChild(g);
      }
      var o = antq.el("div", { role: "option", tabindex: d.id === tabStop ? "0" : "-1",
                               "aria-selected": d.id === open ? "true" : "false" });
      o.dataset.id = d.id;
      var swatch = d.type === "org" ? "swatch kind-" + d.kind : "swatch " + d.type;
      o.appendChild(antq.el("span", { "class": swatch, "aria-hidden": "true" }));
      var text = antq.el("span", { "class": "node-text" });
      text.appendChild(antq.el("span", { "class": "node-name" }, d.label));
      var extra = (d.type === "org" ? [kindText(d)] : []).concat(d.province ? [d.province] : []);
      if (extra.length) {
        text.appendChild(document.createTextNode(" "));
        text.appendChild(antq.el("span", { "class": "node-extra" }, extra.join(" · ")));
        o.setAttribute("aria-label", d.label + ", " + extra.join(" · "));  // the name, a pause, then the rest
      }
      o.appendChild(text);
      groups[type].appendChild(o);
    });
    listbox.hidden = !nodes.length;
    listEmpty.hidden = !!nodes.length;
    if (focused && ids[focused]) { optionFor(focused).focus(); }
  }

  // Scroll the list itself (not the page) so the option shows.
  function reveal(o) {
    var top = o.offsetTop, bottom = top + o.offsetHeight;
    if (top < listbox.scrollTop) { listbox.scrollTop = top; }
    else if (bottom > listbox.scrollTop + listbox.clientHeight) { listbox.scrollTop = bottom - listbox.clientHeight; }
  }

  function setTabStop(o) {
    options().forEach(function (x) { x.tabIndex = x === o ? 0 : -1; });
    tabStop = o ? o.dataset.id : null;
  }

  function moveTo(o) {
    if (!o) { return; }
    setTabStop(o);
    o.focus();
    reveal(o);
  }

  // Enter, Space or a click on an option: select and centre the node, open its panel, put focus in the panel.
  function choose(o) {
    var node = cy && cy.getElementById(o.dataset.id);
    if (!node || !node.length) { return; }
    openPanel(node);
    cy.zoom(Math.max(cy.zoom(), Math.min(1, cy.maxZoom())));
    cy.center(node);
    panelTitle.focus();
  }

  function typeAhead(ch, from) {
    var now = Date.now();
    typed = (now - typedAt > 700 ? "" : typed) + fold(ch);
    typedAt = now;
    var all = options();
    var start = Math.max(0, all.indexOf(from));
    // A new search starts after the current option, so pressing the same letter again goes to the next name.
    var offset = typed.length === 1 ? 1 : 0;
    for (var k = 0; k < all.length; k++) {
      var o = all[(start + offset + k) % all.length];
      if (fold(o.querySelector(".node-name").textContent).indexOf(typed) === 0) { return o; }
    }
    return null;
  }

  listbox.addEventListener("keydown", function (ev) {
    var all = options();
    var o = ev.target.closest ? ev.target.closest("[role=option]") : null;
    var i = all.indexOf(o);
    if (!all.length || i < 0 || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var target = null;
    if (ev.key === " " && typed && Date.now() - typedAt <= 700) {  // a space inside a name being typed, not a choice
      ev.preventDefault();
      moveTo(typeAhead(" ", o));
      return;
    }
    switch (ev.key) {
      case "ArrowDown": target = all[Math.min(i + 1, all.length - 1)]; break;
      case "ArrowUp": target = all[Math.max(i - 1, 0)]; break;
      case "Home": target = all[0]; break;
      case "End": target = all[all.length - 1]; break;
      case "PageDown": target = all[Math.min(i + 10, all.length - 1)]; break;
      case "PageUp": target = all[Math.max(i - 10, 0)]; break;
      case "Enter": case " ": ev.preventDefault(); choose(o); return;
      case "Escape": if (!panelBody.hidden) { ev.preventDefault(); closePanel(); } return;
      default:
        if (ev.key.length === 1 && ev.key !== " ") { target = typeAhead(ev.key, o); }
        if (!target) { return; }
    }
    ev.preventDefault();
    moveTo(target);
  });
  listbox.addEventListener("click", function (ev) {
    var o = ev.target.closest ? ev.target.closest("[role=option]") : null;
    if (o) { setTabStop(o); choose(o); }
  });

  // The panel is a non-modal dialog: Escape anywhere in it closes it and puts focus back on the list.
  panelBody.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { ev.preventDefault(); closePanel(true); }
  });

  function openPanel(node) {
    var d = node.data();
    cy.elements().unselect();
    node.select();
    panelTitle.textContent = d.label;
    var meta = [antq.t("kind_" + (d.type === "org" ? d.kind : d.type))];
    if (d.province) { meta.push(d.province); }
    document.getElementById("panel-meta").textContent = meta.join(" · ");
    document.getElementById("panel-link").href = antq.pathOf(d.id);
    panel.dataset.node = d.id;
    var list = document.getElementById("panel-edges");
    list.textContent = "";
    node.connectedEdges().forEach(function (e) {
      var out = e.source().id() === d.id;
      var other = out ? e.target() : e.source();
      var li = antq.el("li");
      li.appendChild(antq.el("span", { "class": "edge-type" }, (out ? "→ " : "← ") + antq.t("edge_" + e.data("type"))));
      var a = antq.el("a", { href: antq.pathOf(other.id()) }, other.data("label"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (e.data("date")) { li.appendChild(antq.el("span", { "class": "date" }, " " + e.data("date"))); }
      list.appendChild(li);
    });
    panelBody.hidden = false;
    panelEmpty.hidden = true;
    // The node's option shows as selected and becomes the list's tab stop (also after a click on the canvas).
    options().forEach(function (o) { o.setAttribute("aria-selected", o.dataset.id === d.id ? "true" : "false"); });
    var o = optionFor(d.id);
    if (o) { setTabStop(o); reveal(o); }
  }

  // returnFocus: the panel was closed from inside it (Escape, the close button), so focus goes back to the node's option.
  function closePanel(returnFocus) {
    var hadFocus = panelBody.contains(document.activeElement);
    panelBody.hidden = true;
    panelEmpty.hidden = false;
    if (cy) { cy.elements().unselect(); }
    options().forEach(function (o) { o.setAttribute("aria-selected", "false"); });
    if (returnFocus || hadFocus) {
      var o = (panel.dataset.node && optionFor(panel.dataset.node)) || optionFor(tabStop);
      if (o) { moveTo(o); }
    }
  }

  // Add all the node's neighbours (also those the filters left out) from /network?start=…&depth=1, then lay out again.
  function expand(node) {
    var id = node.id();
    var slug = node.data("slug") || id.split("/").pop();
    antq.fetchJSON("/network?format=json&depth=1&start=" + encodeURIComponent(slug)).then(function (g) {
      var byId = {};
      g.nodes.forEach(function (n) { byId[n.id] = n; });
      var add = { nodes: [], edges: [] };
      g.edges.forEach(function (e) {
        if (e.source === id || e.target === id) {
          var other = e.source === id ? e.target : e.source;
          if (byId[other] && !cy.getElementById(other).length) { add.nodes.push(byId[other]); }
          add.edges.push(e);
        }
      });
      var els = elements(add).filter(function (el) { return !cy.getElementById(el.data.id).length; });
      cy.add(els);
      if (els.length) { layout(); }
      count();
      openPanel(cy.getElementById(id));
    }).catch(function (err) { status.textContent = antq.t("network_failed") + err.message; });
  }

  function load() {
    var f = filters();
    var q = query(f);
    var page = new URLSearchParams(location.search);
    ["programme", "province"].forEach(function (k) { if (q.get(k)) { page.set(k, q.get(k)); } else { page.delete(k); } });
    history.replaceState(null, "", location.pathname + (page.toString() ? "?" + page.toString() : ""));
    var graphml = new URLSearchParams(q);
    graphml.set("format", "graphml");
    document.getElementById("graphml").href = "/network?" + graphml.toString();
    q.set("format", "json");
    status.textContent = antq.t("loading");
    closePanel();
    antq.fetchJSON("/network?" + q.toString()).then(function (g) {
      current = g;
      draw(select(g, f));
    }).catch(function (err) { status.textContent = antq.t("network_failed") + err.message; });
  }

  // Start from the filters in the page address, so a view can be shared.
  var start = new URLSearchParams(location.search);
  ["programme", "province"].forEach(function (k) {
    if (start.get(k) && form.elements[k]) { form.elements[k].value = start.get(k); }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
  form.querySelectorAll("input[name=edge], input[name=from], input[name=to]").forEach(function (input) {
    input.addEventListener("change", function () { if (current) { closePanel(); draw(select(current, filters())); } });
  });
  form.querySelectorAll("select").forEach(function (s) { s.addEventListener("change", load); });
  document.getElementById("panel-close").addEventListener("click", function () { closePanel(true); });
  document.getElementById("panel-expand").addEventListener("click", function () {
    if (panel.dataset.node && cy) { expand(cy.getElementById(panel.dataset.node)); }
  });
  document.getElementById("fit").addEventListener("click", function () { if (cy) { cy.fit(undefined, 20); } });
  document.getElementById("png").addEventListener("click", function () {
    if (!cy) { return; }
    var blob = cy.png({ output: "blob", full: true, bg: "#ffffff", scale: 2 });
    var a = antq.el("a", { href: URL.createObjectURL(blob), download: "antq-network.png" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
  load();
})();
