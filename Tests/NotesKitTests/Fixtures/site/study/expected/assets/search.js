// notesc search: no dependencies, works from disk. The index is split into
// scripts (browsers refuse to fetch files for pages opened from disk): a
// manifest, a shard per two-letter term prefix, and a file per eight
// documents (search/d/<n / 8>.js), each calling window.notescSearch. A
// query loads the manifest, the shards of its words and the documents of
// the results it shows.
(function () {
  "use strict";
  var box = document.querySelector(".search");
  if (!box) return;
  var input = box.querySelector(".search-input");
  var list = box.querySelector(".search-results");
  var status = box.querySelector("#search-status");
  var root = box.getAttribute("data-root") || "";
  var limit = 12;
  var prefixLength = 2, maxTermLength = 40, documentsPerFile = 8;
  var store = { manifest: null, shards: {}, docs: {} };
  var scripts = {};

  window.notescSearch = {
    manifest: function (m) { store.manifest = m; },
    shard: function (key, terms) { store.shards[key] = terms; },
    doc: function (n, d) { store.docs[n] = d; }
  };

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).map(function (w) {
      return Array.from(w).slice(0, maxTermLength).join("");
    }).filter(function (w) { return Array.from(w).length >= prefixLength; });
  }

  function shardKey(term, length) { return Array.from(term).slice(0, length || prefixLength).join(""); }

  // The shards that hold the words a term is a prefix of: its two-letter
  // shard, or where that prefix is split, its three-letter one (a two-letter
  // term needs them all).
  function shardsFor(term) {
    var m = store.manifest, key = shardKey(term);
    if ((m.split || []).indexOf(key) < 0) return m.shards.indexOf(key) >= 0 ? [key] : [];
    if (Array.from(term).length === prefixLength) {
      return m.shards.filter(function (k) { return k.lastIndexOf(key, 0) === 0; });
    }
    var longer = shardKey(term, prefixLength + 1);
    return m.shards.indexOf(longer) >= 0 ? [longer] : [];
  }

  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "x";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return hex;
  }

  function loadScript(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = function () { resolve(); };
        script.onerror = function () { delete scripts[path]; reject(new Error(path)); };
        document.head.appendChild(script);
      });
    }
    return scripts[path];
  }

  function loadManifest() { return loadScript("search/manifest.js"); }

  function say(text) { if (status) status.textContent = text; }

  // Scores of the documents holding a word: a whole-word match counts more
  // than a prefix, a match in the title, tags or category more than in the text.
  function matches(term) {
    var found = {};
    shardsFor(term).forEach(function (key) {
      var shard = store.shards[key] || {};
      Object.keys(shard).forEach(function (t) { match(shard, t); });
    });
    function match(shard, t) {
      if (t.lastIndexOf(term, 0) !== 0) return;
      var exact = t === term ? 2 : 1, value = 0, postings = shard[t];
      for (var i = 0; i < postings.length; i++) {
        value += postings[i];
        var n = value >> 1, s = exact * ((value & 1) ? 8 : 1);
        if (!found[n] || found[n] < s) found[n] = s;
      }
    }
    return found;
  }

  function rank(terms) {
    var total = null;
    terms.forEach(function (term) {
      var found = matches(term), next = {};
      Object.keys(found).forEach(function (n) {
        if (total === null || total[n] !== undefined) next[n] = (total ? total[n] : 0) + found[n];
      });
      total = next;
    });
    return Object.keys(total || {}).map(function (n) { return { n: +n, score: total[n] }; })
      .sort(function (a, b) { return b.score - a.score || a.n - b.n; });
  }

  function search(query) {
    var terms = words(query);
    return loadManifest().then(function () {
      var keys = [];
      terms.forEach(function (t) { shardsFor(t).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
      return Promise.all(keys.map(function (k) { return loadScript("search/p/" + fileName(k) + ".js"); }));
    }).then(function () {
      var hits = terms.length ? rank(terms) : [];
      var top = hits.slice(0, limit);
      return Promise.all(top.map(function (h) { return loadScript("search/d/" + Math.floor(h.n / documentsPerFile) + ".js"); }))
        .then(function () { return { terms: terms, hits: hits, top: top }; });
    });
  }

  // The text folded character by character, with where each folded
  // character came from, so a match found in folded text marks the original.
  function folded(text) {
    var out = "", from = [], chars = Array.from(text), at = 0;
    for (var i = 0; i < chars.length; i++) {
      var f = fold(chars[i]);
      for (var j = 0; j < f.length; j++) from.push(at);
      out += f;
      at += chars[i].length;
    }
    from.push(at);
    return { text: out, from: from };
  }

  function wordStart(text, at) { return at === 0 || /[^\p{L}\p{N}]/u.test(text.charAt(at - 1)); }

  // Where the words start in the text: [start, end) in the original text.
  function spans(text, terms) {
    var f = folded(text), found = [];
    terms.forEach(function (term) {
      var at = f.text.indexOf(term);
      while (at >= 0) {
        if (wordStart(f.text, at)) found.push([f.from[at], f.from[at + term.length], term]);
        at = f.text.indexOf(term, at + 1);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  }

  function snippet(text, terms) {
    var all = spans(text, terms);
    var first = all.length ? all[0][0] : 0, best = 0;
    // The window showing the most of the query's words, looked for around
    // the longest word's first matches (the most telling of them).
    var longest = terms.slice().sort(function (a, b) { return b.length - a.length; })[0];
    all.filter(function (s) { return s[2] === longest; }).slice(0, 50).forEach(function (c) {
      var seen = {};
      all.forEach(function (s) { if (s[0] >= c[0] - 60 && s[1] <= c[0] + 140) seen[s[2]] = true; });
      var count = Object.keys(seen).length;
      if (count > best) { best = count; first = c[0]; }
    });
    var start = Math.max(0, first - 60), end = Math.min(text.length, first + 140);
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < first) start = space + 1; }
    if (end < text.length) { var back = text.lastIndexOf(" ", end); if (back > first) end = back; }
    var span = document.createElement("span");
    span.className = "result-snippet";
    var at = start;
    function plain(to) { if (to > at) span.appendChild(document.createTextNode(text.slice(at, to).replace(/\s+/g, " "))); }
    if (start > 0) span.appendChild(document.createTextNode("… "));
    all.forEach(function (s) {
      if (s[0] < at || s[1] > end) return;
      plain(s[0]);
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      span.appendChild(mark);
      at = s[1];
    });
    plain(end);
    if (end < text.length) span.appendChild(document.createTextNode(" …"));
    return span;
  }

  function render(result) {
    list.textContent = "";
    result.top.forEach(function (hit) {
      var e = store.docs[hit.n];
      if (!e) return;
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
      if (e.text) a.appendChild(snippet(e.text, result.terms));
      li.appendChild(a);
      list.appendChild(li);
    });
    var count = result.hits.length;
    if (count === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = result.terms.length ? "No matches" : "Type two letters or more";
      list.appendChild(none);
    }
    list.hidden = false;
    say(!result.terms.length ? "Type two letters or more" : count === 1 ? "1 result" : count + " results");
  }

  function show(query) {
    if (!query.trim()) { list.textContent = ""; list.hidden = true; say(""); return; }
    search(query).then(function (result) {
      if (input.value === query) render(result);
    }, function () { say("The search index could not be loaded."); });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", function () { loadManifest().catch(function () {}); });
  // A pause in typing, so the words half typed load no shards or documents.
  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { show(input.value); }, 120);
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
