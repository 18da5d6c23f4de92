// newsarchive: search as you type, offline. The index is a script that sets a global, so it also
// loads from file:// (where fetching JSON is refused). It is loaded on first use, not on every page.
(function () {
  "use strict";
  var LIMIT = 30;
  var TYPES = { a: "Article", p: "Person", s: "Source", q: "Quote", c: "Claim" };
  var ORDER = { a: 0, p: 1, s: 2, q: 3, c: 4 };
  var rows = null;
  var folded = null;
  var waiting = [];

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function loadIndex(src, done) {
    if (rows) { done(); return; }
    waiting.push(done);
    if (waiting.length > 1) { return; }
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      rows = window.NEWSARCHIVE_SEARCH || [];
      folded = rows.map(function (r) { return fold(r[1] + " " + r[2]); });
      var calls = waiting; waiting = [];
      calls.forEach(function (f) { f(); });
    };
    script.onerror = function () { rows = []; folded = []; var calls = waiting; waiting = []; calls.forEach(function (f) { f(); }); };
    document.head.appendChild(script);
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    var hits = [];
    for (var i = 0; i < rows.length; i++) {
      var text = folded[i];
      var ok = true;
      for (var w = 0; w < words.length; w++) {
        if (text.indexOf(words[w]) === -1) { ok = false; break; }
      }
      if (ok) {
        var title = fold(rows[i][1]);
        hits.push({ row: rows[i], score: ORDER[rows[i][0]] * 2 + (title.indexOf(words[0]) === 0 ? 0 : 1), i: i });
      }
    }
    hits.sort(function (x, y) { return x.score - y.score || x.i - y.i; });
    return hits;
  }

  function render(container, hits, root, limit) {
    container.textContent = "";
    if (!hits.length) {
      var none = document.createElement("p");
      none.className = "search-note";
      none.textContent = "Nothing found.";
      container.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    hits.slice(0, limit).forEach(function (hit) {
      var r = hit.row;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + r[3];
      var type = document.createElement("span");
      type.className = "result-type";
      type.textContent = TYPES[r[0]] || r[0];
      link.appendChild(type);
      link.appendChild(document.createTextNode(" "));
      link.appendChild(document.createTextNode(r[0] === "q" ? "\u201c" + r[1] + "\u201d" : r[1]));
      if (r[2]) {
        var detail = document.createElement("span");
        detail.className = "result-detail";
        detail.textContent = r[2];
        link.appendChild(detail);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    container.appendChild(list);
    if (hits.length > limit) {
      var more = document.createElement("p");
      more.className = "search-note";
      more.textContent = (hits.length - limit) + " more: type more words to narrow.";
      container.appendChild(more);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-input");
    var box = document.getElementById("search-results");
    if (!form || !input || !box) { return; }
    var root = document.body.getAttribute("data-root") || "";
    var src = form.getAttribute("data-index");
    var pageResults = document.getElementById("search-page-results");

    function update() {
      var query = input.value.trim();
      if (!query) { box.hidden = true; box.textContent = ""; return; }
      loadIndex(src, function () {
        if (input.value.trim() !== query) { return; }
        var hits = search(query);
        if (pageResults) { render(pageResults, hits, root, 200); box.hidden = true; }
        else { render(box, hits, root, LIMIT); box.hidden = false; }
      });
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () { loadIndex(src, function () {}); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !box.hidden) { box.hidden = true; input.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { box.hidden = true; }
    });
    var match = /[?&]q=([^&]*)/.exec(window.location.search);
    if (match) {
      input.value = decodeURIComponent(match[1].replace(/\+/g, " "));
      update();
    }
  });
}());
