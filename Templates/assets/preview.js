// Hover previews (DESIGN §5): hovering or focusing a link to a note shows its
// title and opening text, or the text of the section the link names. The
// previews are made from the pages at build time, as scripts (pages opened
// from disk cannot fetch()): previews/index.js says how many files there
// are, and previews/<k>.js holds the notes whose ids hash to k (FNV-1a of
// the id's UTF-8 bytes, modulo the count), a notescPreview call each. Both
// are loaded on first use.
(function () {
  "use strict";
  var holder = document.querySelector("[data-root]");
  if (!holder) return;
  var base = new URL(holder.getAttribute("data-root") || "./", location.href).href;
  var cache = {};      // note id → preview data, or "loading" / "missing"
  var waiting = {};    // note id → callbacks
  var files = 0;       // how many files of previews there are, once known
  var box = null, current = null, timer = 0;

  window.notescPreview = function (id, data) {
    cache[id] = data;
    (waiting[id] || []).forEach(function (f) { f(); });
    delete waiting[id];
  };
  window.notescPreviewFiles = function (n) { files = n; };

  // The note a link points to, with the section it names; null for anything else.
  function target(a) {
    if (!(a instanceof HTMLAnchorElement) || !a.href || a.closest(".note-preview, .search-results")) return null;
    var url = new URL(a.href, location.href);
    if (url.href.indexOf(base) !== 0) return null;
    var path = decodeURIComponent(url.pathname.slice(new URL(base).pathname.length));
    if (path.indexOf("notes/") !== 0 || path.slice(-5) !== ".html") return null;
    var here = location.href.split("#")[0];
    if (url.href.split("#")[0] === here) return null;  // this page's own sections
    return { id: path.slice(6, -5), section: url.hash ? decodeURIComponent(url.hash.slice(1)) : "" };
  }

  var scripts = {};   // path → a promise of its loading
  function loadScript(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + path;
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error(path)); };
        document.head.appendChild(s);
      });
    }
    return scripts[path];
  }

  // The file that holds note id's preview, as NotePreview.file(of:files:) works it out.
  function fileOf(id) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(id).forEach(function (b) { h = Math.imul(h ^ b, 0x01000193) >>> 0; });
    return h % files;
  }

  function load(id, done) {
    if (cache[id] === "missing") return;
    if (cache[id] && cache[id] !== "loading") { done(); return; }
    (waiting[id] = waiting[id] || []).push(done);
    if (cache[id] === "loading") return;
    cache[id] = "loading";
    function missing() { cache[id] = "missing"; delete waiting[id]; }
    loadScript("previews/index.js").then(function () {
      return files > 0 ? loadScript("previews/" + fileOf(id) + ".js") : Promise.reject(new Error("no previews"));
    }).then(function () { if (cache[id] === "loading") missing(); }, missing);
  }

  function show(a, t) {
    var data = cache[t.id];
    if (current !== a || !data || typeof data !== "object") return;
    if (!box) {
      box = document.createElement("div");
      box.className = "note-preview";
      box.id = "note-preview";
      box.setAttribute("role", "tooltip");
      document.body.appendChild(box);
    }
    var text = t.section && data.sections && data.sections[t.section] ? data.sections[t.section] : data.text;
    box.textContent = "";
    var title = document.createElement("p");
    title.className = "note-preview-title";
    title.textContent = data.title;
    var body = document.createElement("p");
    body.className = "note-preview-text";
    body.textContent = text || "(this note has no text yet)";
    box.appendChild(title);
    box.appendChild(body);
    box.hidden = false;
    var r = a.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    var below = r.bottom + window.scrollY + 6;
    box.style.top = below + "px";
    // Above the link when there is no room below it.
    if (r.bottom + box.offsetHeight + 12 > window.innerHeight && r.top > box.offsetHeight + 12) {
      box.style.top = (r.top + window.scrollY - box.offsetHeight - 6) + "px";
    }
    a.setAttribute("aria-describedby", "note-preview");
  }

  function hide() {
    clearTimeout(timer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (box) box.hidden = true;
  }

  function enter(e) {
    var a = e.target.closest && e.target.closest("a");
    if (!a || a === current) return;
    var t = target(a);
    if (!t) return;
    hide();
    current = a;
    timer = setTimeout(function () { load(t.id, function () { show(a, t); }); }, e.type === "focusin" ? 0 : 250);
  }

  function leave(e) {
    if (!current) return;
    var to = e.relatedTarget;
    if (to && (current.contains(to) || (box && box.contains(to)))) return;
    hide();
  }

  document.addEventListener("mouseover", enter);
  document.addEventListener("focusin", enter);
  document.addEventListener("mouseout", leave);
  document.addEventListener("focusout", leave);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", function () { if (box && !box.hidden) hide(); }, { passive: true });
})();
