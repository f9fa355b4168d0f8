// graph.html: pan (drag), zoom (wheel, +/− buttons, keys), and a node's
// neighbours highlighted on hover or focus. The drawing is plain SVG links,
// so all of it works without this script.
(function () {
  "use strict";
  var frame = document.querySelector(".graph-frame");
  var svg = frame && frame.querySelector("svg.graph");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";

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

  var controls = document.createElement("div");
  controls.className = "graph-controls";
  [["+", "Zoom in", function () { zoomAt(1.4, centre()); }],
   ["\u2212", "Zoom out", function () { zoomAt(1 / 1.4, centre()); }],
   ["\u2922", "Fit the whole graph", function () { scale = 1; tx = 0; ty = 0; apply(); }]].forEach(function (b) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = b[0];
    button.title = b[1];
    button.setAttribute("aria-label", b[1]);
    button.addEventListener("click", b[2]);
    controls.appendChild(button);
  });
  frame.insertBefore(controls, frame.firstChild);

  // Neighbours: edges are drawn as paths of "M x y L x y" segments, and a
  // node is known by its circle's centre.
  var nodes = Array.prototype.slice.call(svg.querySelectorAll("a.node"));
  var byPoint = {};
  nodes.forEach(function (a, i) {
    var c = a.querySelector("circle");
    if (c) byPoint[c.getAttribute("cx") + "," + c.getAttribute("cy")] = i;
    a.neighbours = [];
  });
  var segments = [];
  Array.prototype.slice.call(svg.querySelectorAll("path.edge")).forEach(function (path) {
    var re = /M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)/g, m;
    var d = path.getAttribute("d") || "";
    while ((m = re.exec(d))) {
      var a = byPoint[m[1] + "," + m[2]], b = byPoint[m[3] + "," + m[4]];
      if (a === undefined || b === undefined) continue;
      nodes[a].neighbours.push(b);
      nodes[b].neighbours.push(a);
      segments.push([a, b, "M" + m[1] + " " + m[2] + "L" + m[3] + " " + m[4]]);
    }
  });
  var highlight = document.createElementNS(NS, "path");
  highlight.setAttribute("class", "edge edge-highlight");
  view.insertBefore(highlight, view.querySelector("a.node"));
  function show(i) {
    svg.classList.add("focusing");
    nodes[i].classList.add("near");
    nodes[i].neighbours.forEach(function (j) { nodes[j].classList.add("near"); });
    highlight.setAttribute("d", segments.filter(function (s) { return s[0] === i || s[1] === i; })
      .map(function (s) { return s[2]; }).join(""));
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
})();
