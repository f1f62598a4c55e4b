// Shared helpers for every page: translations, the remembered language, IRI -> page path.
(function () {
  "use strict";
  var body = document.body;
  var texts = JSON.parse(document.getElementById("i18n").textContent);
  var base = body.dataset.base || "";
  var lang = body.dataset.lang || "vi";
  var params = new URLSearchParams(location.search);

  // Remember the language: ?lang= sets it; a page opened without ?lang follows the stored choice.
  try {
    if (params.get("lang")) {
      localStorage.setItem("antq-lang", params.get("lang"));
    } else {
      var stored = localStorage.getItem("antq-lang");
      if (stored && stored !== lang && (stored === "vi" || stored === "en")) {
        params.set("lang", stored);
        location.replace(location.pathname + "?" + params.toString() + location.hash);
      }
    }
  } catch (e) { /* storage disabled: the cookie still remembers */ }

  var sw = document.getElementById("lang-switch");
  if (sw) {
    var target = new URLSearchParams(location.search);
    target.set("lang", sw.dataset.lang);
    sw.href = location.pathname + "?" + target.toString() + location.hash;
    sw.addEventListener("click", function () {
      try { localStorage.setItem("antq-lang", sw.dataset.lang); } catch (e) { /* ignore */ }
    });
  }

  window.antq = {
    lang: lang,
    t: function (key) { return texts[key] || key; },
    // Entity IRIs under this graph's base are served by this server at the same path.
    pathOf: function (iri) {
      if (iri && iri.indexOf(base) === 0) { return "/" + iri.slice(base.length); }
      return iri;
    },
    isLocal: function (iri) { return !!iri && iri.indexOf(base) === 0; },
    fetchJSON: function (url, options) {
      return fetch(url, options).then(function (r) {
        if (!r.ok) {
          return r.text().then(function (txt) {
            var msg = txt;
            try {
              var j = JSON.parse(txt);
              msg = (j.error && j.error.message) || j.error || j.message || j.detail || txt;
            } catch (e) { /* plain text */ }
            throw new Error(r.status + " " + (typeof msg === "string" ? msg : JSON.stringify(msg)));
          });
        }
        return r.json();
      });
    },
    el: function (tag, attrs, text) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined && text !== null) { node.textContent = text; }
      return node;
    }
  };
})();
