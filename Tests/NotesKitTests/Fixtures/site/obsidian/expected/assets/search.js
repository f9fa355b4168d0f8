// notesc search: no dependencies, works from disk. The index is loaded the
// first time the search box is used, as a script (search-index.js), since
// browsers refuse to fetch files for pages opened from disk.
(function () {
  "use strict";
  var box = document.querySelector(".search");
  if (!box) return;
  var input = box.querySelector(".search-input");
  var list = box.querySelector(".search-results");
  var status = box.querySelector("#search-status");
  var root = box.getAttribute("data-root") || "";
  var loading = false;
  var limit = 12;

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepared() {
    var index = window.notescSearchIndex;
    if (!index) return null;
    if (!index.prepared) {
      index.prepared = index.entries.map(function (e) {
        return {
          entry: e,
          title: fold(e.title),
          tags: fold((e.tags || []).join(" ")),
          category: fold(e.category),
          text: fold(e.text)
        };
      });
    }
    return index.prepared;
  }

  function load(then) {
    if (window.notescSearchIndex) { then(); return; }
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () { loading = false; then(); };
    script.onerror = function () { loading = false; say("The search index could not be loaded."); };
    document.head.appendChild(script);
  }

  function say(text) { if (status) status.textContent = text; }

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0, at = item.title.indexOf(t);
      if (at === 0 || (at > 0 && /[^a-z0-9]/.test(item.title.charAt(at - 1)))) s += 16;
      else if (at >= 0) s += 10;
      if (item.tags.indexOf(t) >= 0) s += 5;
      if (item.category.indexOf(t) >= 0) s += 3;
      if (item.text.indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  var kindRank = { note: 0, system: 1, topic: 2 };

  function search(query) {
    var items = prepared();
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!items || terms.length === 0) return [];
    var hits = [];
    for (var i = 0; i < items.length; i++) {
      var s = score(items[i], terms);
      if (s > 0) hits.push({ score: s, entry: items[i].entry });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || kindRank[a.entry.kind] - kindRank[b.entry.kind] ||
        (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0);
    });
    return hits;
  }

  function show(query) {
    var hits = search(query);
    list.textContent = "";
    if (!query.trim()) { list.hidden = true; say(""); return; }
    hits.slice(0, limit).forEach(function (hit) {
      var e = hit.entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.url;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = e.kind;
      a.appendChild(kind);
      a.appendChild(document.createTextNode(e.title));
      var meta = [e.date, e.category].filter(Boolean).join(" · ");
      if (meta) {
        var m = document.createElement("span");
        m.className = "result-meta";
        m.textContent = meta;
        a.appendChild(m);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = "No matches";
      list.appendChild(none);
    }
    list.hidden = false;
    say(hits.length === 1 ? "1 result" : hits.length + " results");
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () {
    var q = input.value;
    load(function () { if (input.value === q) show(q); });
  });
  input.addEventListener("keydown", function (event) {
    var all = links();
    if (event.key === "ArrowDown" && all.length) { event.preventDefault(); all[0].focus(); }
    else if (event.key === "Enter" && all.length) { event.preventDefault(); all[0].click(); }
    else if (event.key === "Escape") { list.hidden = true; input.value = ""; say(""); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); if (at > 0) all[at - 1].focus(); else input.focus(); }
    else if (event.key === "Escape") { list.hidden = true; input.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) list.hidden = true;
  });
})();
