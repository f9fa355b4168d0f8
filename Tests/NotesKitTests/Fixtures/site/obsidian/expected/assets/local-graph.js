// A note page's neighbourhood: one step out is drawn by the build; two steps
// out is drawn here, from graph-data.js, loaded only when the reader asks
// (a script, not fetch(): pages opened from disk may not fetch).
(function () {
  "use strict";
  var section = document.querySelector(".local-graph[data-node]");
  if (!section) return;
  var holder = section.querySelector(".local-graph-drawing");
  var first = holder && holder.querySelector("svg.graph");
  if (!first) return;
  var NS = "http://www.w3.org/2000/svg";
  var root = section.getAttribute("data-root") || "";
  var self = section.getAttribute("data-node");
  var second = null, message = null;
  // The choice is made here, not sent in every note page: without this script it could do nothing.
  var choice = document.createElement("fieldset");
  choice.className = "graph-depth";
  var legend = document.createElement("legend");
  legend.className = "visually-hidden";
  legend.textContent = "Depth";
  choice.appendChild(legend);
  [["1", "1 step"], ["2", "2 steps"]].forEach(function (option) {
    var label = document.createElement("label"), radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "graph-depth";
    radio.value = option[0];
    radio.checked = option[0] === "1";
    label.appendChild(radio);
    label.appendChild(document.createTextNode(" " + option[1]));
    choice.appendChild(label);
  });
  section.insertBefore(choice, holder);

  function say(text) {
    if (!message) {
      message = document.createElement("p");
      message.className = "muted";
      message.setAttribute("role", "status");
      holder.appendChild(message);
    }
    message.textContent = text;
  }
  function load(done) {
    if (window.notescGraph) { done(); return; }
    var script = document.createElement("script");
    script.src = root + "graph-data.js";
    script.onload = done;
    script.onerror = function () { say("The graph's data (graph-data.js) did not load."); };
    document.head.appendChild(script);
  }

  function short(text, limit) { return text.length <= limit ? text : text.slice(0, limit - 1).trim() + "\u2026"; }
  function el(name, attributes) {
    var node = document.createElementNS(NS, name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    return node;
  }

  // The note in the middle, the notes it links with on a circle, the notes
  // those link with on a wider one (each beside the first of them it was
  // reached from); labels of the outer ring on hover or focus.
  function drawSecond(data) {
    var n = data.nodes.length, me = -1;
    for (var i = 0; i < n; i++) if (data.nodes[i][0] === self) { me = i; break; }
    if (me < 0) { say("This note is not in graph-data.js; rebuild the site."); return null; }
    var near = [];
    for (i = 0; i < n; i++) near.push([]);
    ["connects", "links"].forEach(function (kind) {
      var e = data.edges[kind] || [];
      for (var j = 0; j < e.length; j += 2) { near[e[j]].push(e[j + 1]); near[e[j + 1]].push(e[j]); }
    });
    var ring = {}, inner = [], outer = [];
    ring[me] = 0;
    near[me].forEach(function (j) { if (ring[j] === undefined && inner.length < 40) { ring[j] = 1; inner.push(j); } });
    inner.forEach(function (p) {
      near[p].forEach(function (j) { if (ring[j] === undefined && outer.length < 80) { ring[j] = 2; outer.push(j); } });
    });
    var r1 = Math.min(70 + Math.max(inner.length - 8, 0) * 4, 130), r2 = outer.length ? r1 + Math.min(60 + outer.length * 2, 150) : r1;
    var width = 2 * r2 + 260, height = 2 * r2 + 56, cx = width / 2, cy = height / 2;
    var at = {};
    at[me] = [cx, cy];
    function place(list, radius) {
      list.forEach(function (j, k) {
        var angle = -Math.PI / 2 + 2 * Math.PI * k / list.length;
        at[j] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
      });
    }
    place(inner, r1);
    place(outer, r2);
    if (!outer.length) say("No more notes two steps out.");
    var svg = el("svg", { "class": "graph", viewBox: "0 0 " + Math.round(width) + " " + Math.round(height) });
    var title = el("title", {});
    title.textContent = "Notes two steps from " + data.nodes[me][1];
    svg.appendChild(title);
    var d = "", shown = [me].concat(inner, outer);
    shown.forEach(function (a) {
      near[a].forEach(function (b) {
        if (at[b] && a < b) d += "M" + at[a][0].toFixed(1) + " " + at[a][1].toFixed(1) + "L" + at[b][0].toFixed(1) + " " + at[b][1].toFixed(1);
      });
    });
    svg.appendChild(el("path", { "class": "edge edge-connects", d: d }));
    shown.forEach(function (j) {
      var p = at[j], r = j === me ? 7 : ring[j] === 1 ? 5 : 3.5;
      var a = el("a", { "class": "node " + (j === me ? "node-current" : ring[j] === 2 ? "node-note node-far" : "node-note"), href: root + data.nodes[j][0] });
      var t = el("title", {});
      t.textContent = data.nodes[j][1];
      a.appendChild(t);
      a.appendChild(el("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: r }));
      var dx = p[0] - cx, dy = p[1] - cy, radius = ring[j] === 2 ? r2 : r1;
      var anchor = "middle", tx = p[0], ty = p[1] + r + 12;
      if (j === me) ty = p[1] + r + 14;
      else if (dx > radius * 0.2) { anchor = "start"; tx = p[0] + r + 4; ty = p[1] + 4; }
      else if (dx < -radius * 0.2) { anchor = "end"; tx = p[0] - r - 4; ty = p[1] + 4; }
      else if (dy < 0) ty = p[1] - r - 6;
      var label = el("text", { x: tx.toFixed(1), y: ty.toFixed(1), "text-anchor": anchor });
      label.textContent = short(data.nodes[j][1], 20);
      a.appendChild(label);
      svg.appendChild(a);
    });
    return svg;
  }

  function showDepth(depth) {
    if (depth === 1) {
      first.style.display = "";
      if (second) second.style.display = "none";
      if (message) message.hidden = true;
      return;
    }
    load(function () {
      if (!second) second = drawSecond(window.notescGraph);
      if (!second) return;
      if (!second.parentNode) holder.insertBefore(second, first.nextSibling);
      if (choice.querySelector("input:checked").value !== "2") return;
      first.style.display = "none";
      second.style.display = "";
      if (message) message.hidden = false;
    });
  }
  Array.prototype.forEach.call(choice.querySelectorAll("input[type=radio]"), function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) showDepth(Number(radio.value)); });
  });
})();
