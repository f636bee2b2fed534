// The page's behaviour: legend and class filter, region filter, search, tooltip and details.
// Every string from the corpus reaches the DOM through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var container = document.getElementById("graph");
  var tip = document.getElementById("tip");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var info = data.info;
  var classes = {};
  data.classes.forEach(function (c) { classes[c.key] = c; });
  var hidden = new Array(info.length).fill(false);
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function symbol(c) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var shapes = {
      dot: ["circle", { cx: 8, cy: 8, r: 6 }],
      square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
      triangle: ["polygon", { points: "8,1 15,14 1,14" }],
      diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
      hexagon: ["polygon", { points: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8" }],
      star: ["polygon", { points: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6" }]
    };
    var s = shapes[c.shape] || shapes.dot;
    var shape = document.createElementNS(SVG, s[0]);
    Object.keys(s[1]).forEach(function (k) { shape.setAttribute(k, String(s[1][k])); });
    shape.setAttribute("fill", c.color);
    shape.setAttribute("stroke", "#263238");
    svg.appendChild(shape);
    return svg;
  }

  function describe(id, evidenceLimit) {
    var d = info[id];
    var c = classes[d.c];
    var card = el("div", null, "card");
    var head = el("div", null, "head");
    head.appendChild(symbol(c));
    head.appendChild(el("strong", d.l));
    head.appendChild(el("span", c.zh + " " + c.en, "cls"));
    card.appendChild(head);
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    if (d.a.length) row("别名", d.a.join("、"));
    d.p.forEach(function (p) { row(p[0], p[1]); });
    row("关联", network.getConnectedNodes(id).length);
    if (d.r.length) row("地区", d.r.map(function (r) { return data.regions[r].label; }).join("、"));
    card.appendChild(dl);
    if (d.e.length) {
      card.appendChild(el("div", "依据 Evidence", "cls"));
      d.e.slice(0, evidenceLimit).forEach(function (s) { card.appendChild(el("blockquote", s)); });
      if (d.e.length > evidenceLimit) card.appendChild(el("div", "另有 " + (d.e.length - evidenceLimit) + " 句", "more"));
    }
    return card;
  }

  function showDetails(id) {
    var details = document.getElementById("details");
    details.replaceChildren(describe(id, Infinity));
  }

  function focusNode(id) {
    if (hidden[id]) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    showDetails(id);
  }

  function labelsOf(d) { return [d.l].concat(d.a); }

  function search(query) {
    var q = String(query || "").trim();
    var results = document.getElementById("results");
    results.replaceChildren();
    if (!q) return [];
    var exact = [], partial = [];
    info.forEach(function (d, id) {
      var labels = labelsOf(d);
      if (labels.indexOf(q) >= 0) exact.push(id);
      else if (labels.some(function (l) { return l.indexOf(q) >= 0; })) partial.push(id);
    });
    // Closest first: a short label that contains the query is more likely the one meant.
    partial.sort(function (a, b) { return info[a].l.length - info[b].l.length || a - b; });
    var found = exact.concat(partial);
    results.appendChild(el("h2", "搜索结果 Results: " + found.length));
    found.slice(0, 20).forEach(function (id) {
      var b = el("button", info[id].l + " · " + classes[info[id].c].zh);
      b.type = "button";
      b.addEventListener("click", function () { focusNode(id); });
      results.appendChild(b);
    });
    if (found.length) focusNode(found[0]);
    return found;
  }

  function applyFilters() {
    var on = {};
    document.querySelectorAll("#legend input").forEach(function (box) { on[box.value] = box.checked; });
    var region = document.getElementById("region").value;
    var r = region === "" ? -1 : Number(region);
    var updates = [];
    var shown = 0;
    info.forEach(function (d, id) {
      var hide = !on[d.c] || (r >= 0 && d.r.indexOf(r) < 0);
      if (hide !== hidden[id]) {
        hidden[id] = hide;
        updates.push({ id: id, hidden: hide });
      }
      if (!hide) shown += 1;
    });
    if (updates.length) nodes.update(updates);
    status(shown);
  }

  function resetFilters() {
    document.querySelectorAll("#legend input").forEach(function (box) { box.checked = true; });
    document.getElementById("region").value = "";
    applyFilters();
  }

  function status(shown) {
    var text = "显示 " + shown + " / " + info.length + " 个节点 nodes";
    if (data.total > info.length) text += "（图中共 " + data.total + " 个实体 entities）";
    document.getElementById("status").textContent = text;
  }

  var legend = document.getElementById("legend");
  data.classes.forEach(function (c) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.value = c.key;
    box.checked = true;
    box.addEventListener("change", applyFilters);
    label.appendChild(box);
    label.appendChild(symbol(c));
    label.appendChild(el("span", c.zh + " " + c.en));
    label.appendChild(el("span", c.count, "count"));
    legend.appendChild(label);
  });

  var regionSelect = document.getElementById("region");
  data.regions.forEach(function (r, i) {
    var option = el("option", r.label + " (" + r.count + ")");
    option.value = String(i);
    regionSelect.appendChild(option);
  });
  regionSelect.addEventListener("change", applyFilters);

  document.getElementById("note").textContent = data.note;
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("query").value);
  });

  network.on("hoverNode", function (params) {
    tip.replaceChildren(describe(params.node, 3));
    var x = params.pointer.DOM.x + 14, y = params.pointer.DOM.y + 14;
    tip.style.display = "block";
    tip.style.left = Math.min(x, container.clientWidth - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(y, container.clientHeight - tip.offsetHeight - 4) + "px";
  });
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("dragStart", function () { tip.style.display = "none"; });
  network.on("zoom", function () { tip.style.display = "none"; });
  network.on("click", function (params) { if (params.nodes.length) showDetails(params.nodes[0]); });

  status(info.length);
  network.once("afterDrawing", function () {
    document.documentElement.setAttribute("data-govkg-drawn", String(info.length));
    if (window.performance && performance.mark) performance.mark("govkg-drawn");
  });
  window.govkg = {
    network: network, nodes: nodes, edges: edges, info: info,
    search: search, focusNode: focusNode, showDetails: showDetails, applyFilters: applyFilters
  };
})();
