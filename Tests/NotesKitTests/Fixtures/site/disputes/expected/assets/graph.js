// graph.html: pan (drag, arrow keys), zoom (wheel, +/− buttons and keys),
// filter by kind, and a node's neighbours highlighted on hover or focus.
// Up to a few thousand notes the drawing is a build-time SVG of links, so
// all of it works without this script; past that it is drawn here on a
// canvas from graph-data.js (window.notescGraph), at the build's positions.
(function () {
  "use strict";
  var frame = document.querySelector(".graph-frame");
  if (!frame) return;
  var NS = "http://www.w3.org/2000/svg";

  // What the filter shows: node kinds, and edge kinds (an edge shows when its ends do).
  var shown = { note: true, system: true, connects: true, links: true, about: true };
  function edgeShown(kind) { return shown[kind] && shown.note && (kind !== "about" || shown.system); }
  function nodeShown(kind) { return kind === "system" ? shown.system : shown.note; }
  var onFilter = function () {};
  var filter = document.querySelector(".graph-filter");
  if (filter) {
    Array.prototype.forEach.call(filter.querySelectorAll("input[type=checkbox]"), function (box) {
      shown[box.value] = box.checked;
      box.addEventListener("change", function () { shown[box.value] = box.checked; onFilter(); });
    });
    // The filter's swatches say what the legend said.
    filter.hidden = false;
    var legend = document.querySelector(".graph-page .legend");
    if (legend) legend.hidden = true;
  }

  function button(text, label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.title = label;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", action);
    return b;
  }
  function controls(zoomIn, zoomOut, fit) {
    var box = document.createElement("div");
    box.className = "graph-controls";
    box.appendChild(button("+", "Zoom in", zoomIn));
    box.appendChild(button("\u2212", "Zoom out", zoomOut));
    box.appendChild(button("\u2922", "Fit the whole graph", fit));
    frame.insertBefore(box, frame.firstChild);
  }

  var svg = frame.querySelector("svg.graph");
  var canvas = frame.querySelector("canvas.graph-canvas");
  if (svg) drawnByTheBuild(svg);
  else if (canvas) drawnHere(canvas, window.notescGraph);

  // ---- The build's SVG ----
  function drawnByTheBuild(svg) {
    // Everything but the title goes into one group that carries the view's transform.
    var view = document.createElementNS(NS, "g");
    view.setAttribute("class", "graph-view");
    Array.prototype.slice.call(svg.childNodes).forEach(function (child) {
      if (child.nodeName !== "title") view.appendChild(child);
    });
    svg.appendChild(view);
    var scale = 1, tx = 0, ty = 0;
    function apply() { view.setAttribute("transform", "translate(" + tx + " " + ty + ") scale(" + scale + ")"); }

    // A point on screen in the drawing's own units (before the view's transform).
    function toSVG(clientX, clientY) {
      var m = svg.getScreenCTM();
      if (!m) return { x: 0, y: 0 };
      var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
      return { x: p.x, y: p.y };
    }
    function zoomAt(factor, p) {
      var next = Math.min(Math.max(scale * factor, 0.2), 12);
      tx = p.x - (p.x - tx) * (next / scale);
      ty = p.y - (p.y - ty) * (next / scale);
      scale = next;
      apply();
    }
    function centre() {
      var box = svg.viewBox.baseVal;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }

    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoomAt(Math.pow(1.0015, -e.deltaY), toSVG(e.clientX, e.clientY));
    }, { passive: false });

    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, tx: tx, ty: ty, moved: false, id: e.pointerId };
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var m = svg.getScreenCTM();
      var k = m ? m.a : 1;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) { drag.moved = true; svg.setPointerCapture(drag.id); svg.classList.add("panning"); }
      tx = drag.tx + dx / k;
      ty = drag.ty + dy / k;
      apply();
    });
    function endDrag() {
      if (drag && drag.moved) {
        // A drag that ends on a node is not a click on it.
        var swallow = function (e) { e.preventDefault(); e.stopPropagation(); };
        svg.addEventListener("click", swallow, { capture: true, once: true });
        setTimeout(function () { svg.removeEventListener("click", swallow, { capture: true }); }, 0);
      }
      drag = null;
      svg.classList.remove("panning");
    }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);

    controls(function () { zoomAt(1.4, centre()); }, function () { zoomAt(1 / 1.4, centre()); },
      function () { scale = 1; tx = 0; ty = 0; apply(); });

    // Neighbours: edges are drawn as paths of "M x y L x y" segments, and a
    // node is known by its circle's centre.
    var nodes = Array.prototype.slice.call(svg.querySelectorAll("a.node"));
    var byPoint = {};
    nodes.forEach(function (a, i) {
      var c = a.querySelector("circle");
      if (c) byPoint[c.getAttribute("cx") + "," + c.getAttribute("cy")] = i;
      a.kind = a.classList.contains("node-system") ? "system" : "note";
    });
    var segments = [];
    Array.prototype.slice.call(svg.querySelectorAll("path.edge")).forEach(function (path) {
      var kind = (/edge-(\w+)/.exec(path.getAttribute("class")) || [])[1];
      var re = /M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)/g, m;
      var d = path.getAttribute("d") || "";
      while ((m = re.exec(d))) {
        var a = byPoint[m[1] + "," + m[2]], b = byPoint[m[3] + "," + m[4]];
        if (a === undefined || b === undefined) continue;
        segments.push([a, b, "M" + m[1] + " " + m[2] + "L" + m[3] + " " + m[4], kind]);
      }
    });
    var highlight = document.createElementNS(NS, "path");
    highlight.setAttribute("class", "edge edge-highlight");
    view.insertBefore(highlight, view.querySelector("a.node"));
    function show(i) {
      if (!nodeShown(nodes[i].kind)) return;
      svg.classList.add("focusing");
      nodes[i].classList.add("near");
      var d = "";
      segments.forEach(function (s) {
        if ((s[0] !== i && s[1] !== i) || !edgeShown(s[3])) return;
        nodes[s[0] === i ? s[1] : s[0]].classList.add("near");
        d += s[2];
      });
      highlight.setAttribute("d", d);
    }
    function clear() {
      svg.classList.remove("focusing");
      nodes.forEach(function (a) { a.classList.remove("near"); });
      highlight.setAttribute("d", "");
    }
    nodes.forEach(function (a, i) {
      a.addEventListener("mouseenter", function () { if (!drag) show(i); });
      a.addEventListener("mouseleave", clear);
      a.addEventListener("focus", function () { show(i); });
      a.addEventListener("blur", clear);
    });

    // Hidden nodes leave the drawing and the tab order.
    onFilter = function () {
      ["note", "system"].forEach(function (k) { svg.classList.toggle("hide-" + k, !nodeShown(k)); });
      ["connects", "links", "about"].forEach(function (k) { svg.classList.toggle("hide-" + k, !edgeShown(k)); });
      clear();
    };
    onFilter();
  }

  // ---- The browser's canvas, from graph-data.js ----
  function drawnHere(canvas, data) {
    if (!data || !data.xy) {
      var note = document.createElement("p");
      note.className = "graph-noscript";
      note.textContent = "The graph's data (graph-data.js) did not load; its links are listed below.";
      frame.appendChild(note);
      return;
    }
    var root = frame.getAttribute("data-root") || "";
    var n = data.nodes.length, xy = data.xy, width = data.size[0], height = data.size[1];
    var kinds = ["connects", "links", "about"].filter(function (k) { return data.edges[k]; });
    var degree = new Array(n).fill(0), near = [];
    for (var i = 0; i < n; i++) near.push([]);
    kinds.forEach(function (kind) {
      var e = data.edges[kind];
      for (var j = 0; j < e.length; j += 2) {
        degree[e[j]]++; degree[e[j + 1]]++;
        near[e[j]].push(e[j + 1], kind);
        near[e[j + 1]].push(e[j], kind);
      }
    });
    function kindOf(i) { return data.nodes[i][2] ? "system" : "note"; }
    function radius(i) { return kindOf(i) === "system" ? 4.5 : 4 + Math.min(degree[i], 12) * 0.35; }
    // In the drawing's units: the build's size, but no bigger than one and a half times it
    // on screen however far in the view is, nor less than a pixel and a half however far out.
    function drawn(i) { return Math.max(radius(i) * Math.min(1, 1.5 / k), 1.5 / k); }

    canvas.tabIndex = 0;
    canvas.setAttribute("aria-describedby", "graph-canvas-status");
    var status = document.createElement("p");
    status.id = "graph-canvas-status";
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    frame.appendChild(status);
    status.textContent = "Arrow keys move the graph, + and − zoom, Enter opens the note nearest the middle.";

    // The view: a point of the drawing at (x, y) is on the canvas at (x k + ox, y k + oy), in CSS pixels.
    var k = 1, ox = 0, oy = 0, fitK = 1, cssW = 0, cssH = 0;
    var hover = -1, picked = -1, pending = false;
    function resize() {
      cssW = frame.clientWidth;
      cssH = Math.max(320, Math.min(window.innerHeight - 256, cssW * height / width + 32));
      var dpr = window.devicePixelRatio || 1;
      canvas.style.height = cssH + "px";
      canvas.width = Math.round(cssW * dpr);
      canvas.height = Math.round(cssH * dpr);
      fitK = Math.min(cssW / width, cssH / height);
    }
    function fit() {
      k = fitK;
      ox = (cssW - width * k) / 2;
      oy = (cssH - height * k) / 2;
      redraw();
    }
    function zoomAt(factor, sx, sy) {
      var next = Math.min(Math.max(k * factor, fitK * 0.5), Math.max(fitK * 12, 2));
      ox = sx - (sx - ox) * (next / k);
      oy = sy - (sy - oy) * (next / k);
      k = next;
      redraw();
    }
    function redraw() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; paint(); });
    }

    // Colours as the page has them now (light or dark, `light-dark()` or not): what a probe is painted in.
    var probe = document.createElement("span");
    probe.hidden = true;
    frame.appendChild(probe);
    function colour(name) {
      probe.style.color = "var(" + name + ")";
      return getComputedStyle(probe).color;
    }

    function paint() {
      var ctx = canvas.getContext("2d");
      var dpr = canvas.width / cssW;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * ox, dpr * oy);
      var focus = hover >= 0 ? hover : picked;
      var lit = null;
      if (focus >= 0) { lit = {}; lit[focus] = true; }
      var px = 1 / k;  // one CSS pixel in the drawing's units
      // Edges a device pixel wide: the renderer draws those as hairlines,
      // ten times as fast as a wider line (60 ms, not 550, for 45,000 edges
      // in headless Chromium without a GPU).
      ctx.lineWidth = px / dpr;
      // What is in view, with a margin for the nodes' size: the rest is not drawn.
      var x0 = -ox / k - 20, y0 = -oy / k - 20, x1 = (cssW - ox) / k + 20, y1 = (cssH - oy) / k + 20;
      function outside(ax, ay, bx, by) {
        return (ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1);
      }
      // Paths of a few hundred pieces: one path of 45,000 lines, stroked
      // translucent, took the software renderer 1.5 s a frame.
      var batch = 0;
      function piece(draw) {
        if (++batch % 400 === 0) { draw(); ctx.beginPath(); }
      }
      kinds.forEach(function (kind) {
        if (!edgeShown(kind)) return;
        var e = data.edges[kind];
        ctx.strokeStyle = colour(kind === "about" ? "--node-system" : "--edge");
        ctx.globalAlpha = lit ? 0.15 : kind === "about" ? 0.35 : 0.7;
        ctx.setLineDash(kind === "links" ? [4 * px, 3 * px] : kind === "about" ? [1.5 * px, 2.5 * px] : []);
        var stroke = function () { ctx.stroke(); };
        ctx.beginPath();
        for (var j = 0; j < e.length; j += 2) {
          var a = 2 * e[j], b = 2 * e[j + 1];
          if (outside(xy[a], xy[a + 1], xy[b], xy[b + 1])) continue;
          ctx.moveTo(xy[a], xy[a + 1]);
          ctx.lineTo(xy[b], xy[b + 1]);
          piece(stroke);
        }
        ctx.stroke();
      });
      ctx.setLineDash([]);
      if (lit) {
        ctx.beginPath();
        for (var j = 0; j < near[focus].length; j += 2) {
          var other = near[focus][j];
          if (!edgeShown(near[focus][j + 1]) || !nodeShown(kindOf(other))) continue;
          lit[other] = true;
          ctx.moveTo(xy[2 * focus], xy[2 * focus + 1]);
          ctx.lineTo(xy[2 * other], xy[2 * other + 1]);
        }
        ctx.strokeStyle = colour("--focus");
        ctx.globalAlpha = 1;
        ctx.lineWidth = 2 * px;
        ctx.stroke();
      }
      // Nodes, at least a pixel and a half across however far out the view is (`drawn`).
      ["note", "system"].forEach(function (kind) {
        if (!nodeShown(kind)) return;
        [false, true].forEach(function (bright) {
          if (bright && !lit) return;
          ctx.fillStyle = colour(kind === "system" ? "--node-system" : "--node-note");
          ctx.globalAlpha = lit && !bright ? 0.25 : 1;
          var fill = function () { ctx.fill(); };
          ctx.beginPath();
          for (var i = 0; i < n; i++) {
            if (kindOf(i) !== kind || (lit && !!lit[i] !== bright)) continue;
            var x = xy[2 * i], y = xy[2 * i + 1];
            if (outside(x, y, x, y)) continue;
            var r = drawn(i);
            ctx.moveTo(x + r, y);
            ctx.arc(x, y, r, 0, 2 * Math.PI);
            piece(fill);
          }
          ctx.fill();
        });
      });
      ctx.globalAlpha = 1;
      // Labels: of the lit nodes always, of every node in view once they fit.
      ctx.font = 12 * px + "px " + getComputedStyle(document.body).fontFamily;
      ctx.lineWidth = 3 * px;
      ctx.lineJoin = "round";
      ctx.strokeStyle = colour("--surface");
      ctx.fillStyle = colour("--text");
      var labels = 0;
      for (var i = 0; i < n && labels < 1500; i++) {
        if (!nodeShown(kindOf(i))) continue;
        var x = xy[2 * i], y = xy[2 * i + 1];
        if (!(lit ? lit[i] : k >= 0.6) || x < x0 || x > x1 || y < y0 || y > y1) continue;
        var text = data.nodes[i][1];
        if (text.length > 28) text = text.slice(0, 27).trim() + "\u2026";
        ctx.strokeText(text, x + drawn(i) + 3 * px, y + 3.5 * px);
        ctx.fillText(text, x + drawn(i) + 3 * px, y + 3.5 * px);
        labels++;
      }
    }

    // The node under a point of the canvas (CSS pixels), or -1.
    function nodeAt(sx, sy) {
      var x = (sx - ox) / k, y = (sy - oy) / k, best = -1, bestD = Infinity;
      for (var i = 0; i < n; i++) {
        if (!nodeShown(kindOf(i))) continue;
        var dx = xy[2 * i] - x, dy = xy[2 * i + 1] - y, d = dx * dx + dy * dy;
        var reach = Math.max(drawn(i) + 2 / k, 6 / k);
        if (d <= reach * reach && d < bestD) { best = i; bestD = d; }
      }
      return best;
    }
    function local(e) {
      var box = canvas.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    }
    function open(i) { window.location.href = root + data.nodes[i][0]; }
    function setHover(i) {
      if (i === hover) return;
      hover = i;
      canvas.style.cursor = i >= 0 ? "pointer" : "grab";
      canvas.title = i >= 0 ? data.nodes[i][1] : "";
      redraw();
    }

    canvas.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = local(e);
      zoomAt(Math.pow(1.0015, -e.deltaY), p.x, p.y);
    }, { passive: false });
    var drag = null;
    canvas.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, ox: ox, oy: oy, moved: false, id: e.pointerId };
    });
    canvas.addEventListener("pointermove", function (e) {
      if (!drag) { var p = local(e); setHover(nodeAt(p.x, p.y)); return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) { drag.moved = true; canvas.setPointerCapture(drag.id); canvas.style.cursor = "grabbing"; }
      ox = drag.ox + dx;
      oy = drag.oy + dy;
      redraw();
    });
    canvas.addEventListener("pointerup", function (e) {
      var moved = drag && drag.moved;
      drag = null;
      canvas.style.cursor = "grab";
      if (moved || e.button !== 0) return;
      var p = local(e), i = nodeAt(p.x, p.y);
      if (i >= 0) open(i);
    });
    canvas.addEventListener("pointercancel", function () { drag = null; });
    canvas.addEventListener("pointerleave", function () { if (!drag) setHover(-1); });

    // From the keyboard: the node nearest the middle is picked, said, and opened by Enter.
    function pickMiddle() {
      var x = (cssW / 2 - ox) / k, y = (cssH / 2 - oy) / k, best = -1, bestD = Infinity;
      for (var i = 0; i < n; i++) {
        if (!nodeShown(kindOf(i))) continue;
        var dx = xy[2 * i] - x, dy = xy[2 * i + 1] - y, d = dx * dx + dy * dy;
        if (d < bestD) { best = i; bestD = d; }
      }
      picked = best;
      if (best >= 0) status.textContent = data.nodes[best][1] + ": Enter opens it.";
      redraw();
    }
    canvas.addEventListener("keydown", function (e) {
      var step = 60;
      var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (moves[e.key]) { ox += moves[e.key][0]; oy += moves[e.key][1]; pickMiddle(); }
      else if (e.key === "+" || e.key === "=") { zoomAt(1.4, cssW / 2, cssH / 2); pickMiddle(); }
      else if (e.key === "-" || e.key === "_") { zoomAt(1 / 1.4, cssW / 2, cssH / 2); pickMiddle(); }
      else if (e.key === "0") { fit(); pickMiddle(); }
      else if (e.key === "Enter" && picked >= 0) { open(picked); }
      else return;
      e.preventDefault();
    });
    canvas.addEventListener("focus", pickMiddle);
    canvas.addEventListener("blur", function () { picked = -1; redraw(); });

    controls(function () { zoomAt(1.4, cssW / 2, cssH / 2); }, function () { zoomAt(1 / 1.4, cssW / 2, cssH / 2); }, fit);
    onFilter = function () { if (hover >= 0 && !nodeShown(kindOf(hover))) hover = -1; redraw(); };
    window.addEventListener("resize", function () { resize(); redraw(); });
    // The theme may change under the drawing: paint it again in the new colours.
    new MutationObserver(redraw).observe(document.documentElement, { attributes: true });
    if (window.matchMedia) window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);
    resize();
    fit();
    // For tests and the curious: where a node is on the page, and the view.
    window.notescGraphView = {
      scale: function () { return k; },
      nodeCount: n,
      clientPoint: function (i) {
        var box = canvas.getBoundingClientRect();
        return { x: box.left + xy[2 * i] * k + ox, y: box.top + xy[2 * i + 1] * k + oy };
      }
    };
  }
})();
