// SPARQL workbench: CodeMirror editor, example questions, results table with entity links, CSV, shareable URL.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var area = document.getElementById("query");
  var status = document.getElementById("query-status");
  var errorBox = document.getElementById("query-error");
  var results = document.getElementById("results");
  var csvButton = document.getElementById("csv");
  var last = null;
  var editor = null;

  if (typeof CodeMirror !== "undefined") {
    editor = CodeMirror.fromTextArea(area, { mode: "application/sparql-query", lineNumbers: true, indentUnit: 2,
                                             viewportMargin: Infinity, extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run } });
    editor.getWrapperElement().setAttribute("aria-label", antq.t("editor_label"));
  }
  function getQuery() { return editor ? editor.getValue() : area.value; }
  function setQuery(q) { if (editor) { editor.setValue(q); } else { area.value = q; } }

  function withPrefixes(q) {
    return /^\s*(#.*\n\s*)*PREFIX/im.test(q) || /\bPREFIX\b/i.test(q) ? q : area.dataset.prefixes + q;
  }

  function showError(message) {
    errorBox.textContent = antq.t("query_error") + ": " + message;
    errorBox.hidden = false;
  }

  // The endpoint answers errors as {"error": {"status", "code", "message", "position"?}}; show them in words.
  function errorText(status, text) {
    var msg = "", where = "";
    try {
      var j = JSON.parse(text);
      var err = j.error !== undefined ? j.error : j;
      if (typeof err === "string") { msg = err; }
      else {
        msg = err.message || j.message || j.detail || JSON.stringify(err);
        if (err.position) { where = " (" + antq.t("line") + " " + err.position.line + ", " + antq.t("column") + " " + err.position.column + ")"; }
      }
    } catch (e) {
      msg = (text || "").slice(0, 500);
    }
    return msg + where + " [HTTP " + status + "]";
  }

  function cell(term) {
    var td = antq.el("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var a = antq.el("a", { href: antq.pathOf(term.value) }, term.value);
      if (antq.isLocal(term.value)) { a.classList.add("entity-link"); }
      td.appendChild(a);
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) { td.setAttribute("lang", term["xml:lang"]); }
    }
    return td;
  }

  function table(data) {
    results.textContent = "";
    if (typeof data.boolean === "boolean") {
      results.appendChild(antq.el("p", { "class": "ask" }, antq.t("ask_result") + ": " + data.boolean));
      return 0;
    }
    var vars = data.head.vars || [];
    var rows = data.results.bindings || [];
    if (!rows.length) { results.appendChild(antq.el("p", {}, antq.t("no_rows"))); return 0; }
    var wrap = antq.el("div", { "class": "table-wrap" });
    var t = antq.el("table", { "class": "result-table" });
    var head = antq.el("tr");
    vars.forEach(function (v) { head.appendChild(antq.el("th", { scope: "col" }, "?" + v)); });
    t.appendChild(antq.el("thead")).appendChild(head);
    var body = antq.el("tbody");
    rows.forEach(function (r) {
      var tr = antq.el("tr");
      vars.forEach(function (v) { tr.appendChild(cell(r[v])); });
      body.appendChild(tr);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    results.appendChild(wrap);
    return rows.length;
  }

  function run() {
    var q = getQuery();
    var url = new URLSearchParams(location.search);
    url.set("query", q);
    history.replaceState(null, "", location.pathname + "?" + url.toString());
    errorBox.hidden = true;
    status.textContent = antq.t("running");
    csvButton.disabled = true;
    fetch("/sparql", { method: "POST", body: new URLSearchParams({ query: q }),
                       headers: { Accept: "application/sparql-results+json, text/turtle;q=0.8" } })
      .then(function (r) {
        return r.text().then(function (text) {
          if (!r.ok) { throw new Error(errorText(r.status, text)); }
          var type = r.headers.get("content-type") || "";
          if (type.indexOf("json") < 0) {
            results.textContent = "";
            results.appendChild(antq.el("pre", { "class": "rdf" }, text));
            status.textContent = "";
            return;
          }
          last = JSON.parse(text);
          var n = table(last);
          status.textContent = n + " " + antq.t("rows");
          csvButton.disabled = !(last.head && last.results);
        });
      })
      .catch(function (err) { status.textContent = ""; results.textContent = ""; showError(err.message); });
  }

  function csvValue(term) {
    var v = term ? term.value : "";
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  csvButton.addEventListener("click", function () {
    if (!last || !last.results) { return; }
    var vars = last.head.vars;
    var lines = [vars.join(",")].concat(last.results.bindings.map(function (r) {
      return vars.map(function (v) { return csvValue(r[v]); }).join(",");
    }));
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = antq.el("a", { href: URL.createObjectURL(blob), download: "antq-results.csv" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });

  document.querySelectorAll("button.example").forEach(function (b) {
    b.addEventListener("click", function () { setQuery(withPrefixes(b.dataset.query)); run(); });
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });

  var shared = new URLSearchParams(location.search).get("query");
  if (shared) { setQuery(shared); run(); }
})();
