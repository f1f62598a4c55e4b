// Home page search: suggestions from /search as the user types (keyboard and mouse).
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  var form = document.getElementById("search-form");
  var timer = null, active = -1, items = [], seq = 0;

  function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }

  function show(results) {
    list.textContent = "";
    items = results;
    if (!results.length) {
      list.appendChild(antq.el("li", { "class": "empty", role: "option", "aria-disabled": "true" }, antq.t("no_results")));
    }
    results.forEach(function (r, i) {
      var li = antq.el("li", { role: "option", id: "sug-" + i, "data-iri": r.iri });
      var a = antq.el("a", { href: antq.pathOf(r.iri) }, r.label);
      li.appendChild(a);
      if (r.type) { li.appendChild(antq.el("span", { "class": "type" }, antq.t("entity_" + r.type))); }
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function lookup() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var mine = ++seq;
    antq.fetchJSON("/search?limit=10&q=" + encodeURIComponent(q)).then(function (data) {
      if (mine === seq) { show(data.results || []); }
    }).catch(function (err) {
      if (mine === seq) {
        list.textContent = "";
        list.appendChild(antq.el("li", { "class": "empty" }, antq.t("search_failed") + err.message));
        list.hidden = false;
      }
    });
  }

  function highlight(i) {
    var opts = list.querySelectorAll("li[role=option][id]");
    if (!opts.length) { return; }
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, j) { o.classList.toggle("active", j === active); o.setAttribute("aria-selected", j === active); });
    input.setAttribute("aria-activedescendant", opts[active].id);
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(active - 1); }
    else if (ev.key === "Escape") { close(); }
    else if (ev.key === "Enter" && active >= 0 && items[active]) { ev.preventDefault(); location.href = antq.pathOf(items[active].iri); }
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (items.length) { location.href = antq.pathOf(items[Math.max(active, 0)].iri); } else { lookup(); }
  });
  document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) { close(); } });
})();
