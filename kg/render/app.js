/* kg graph page. Every string from the graph is untrusted: it reaches the DOM only through
   textContent / createTextNode / dataset, never through innerHTML or HTML-string titles. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var tooltip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var statusEl = document.getElementById("kg-status");
  var statsEl = document.getElementById("kg-stats");

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var incident = new Map();
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    (e.from === e.to ? [e.from] : [e.from, e.to]).forEach(function (id) {
      if (!incident.has(id)) { incident.set(id, []); }
      incident.get(id).push(e.id);
    });
  });

  var state = {
    types: new Set(data.types.map(function (t) { return t.name; })),
    relations: new Set(data.relations.map(function (r) { return r.name; })),
    minConfidence: 0,
    hideIsolated: false,
    shownNodes: new Set(),
    shownEdges: new Set()
  };

  function computeVisibility() {
    var shownEdges = new Set();
    var connected = new Set();
    data.edges.forEach(function (e) {
      var from = nodeById.get(e.from), to = nodeById.get(e.to);
      if (!state.relations.has(e.relation)) { return; }
      // Unknown confidence is not evidence of low confidence: keep such edges.
      if (e.confidence !== null && e.confidence !== undefined && e.confidence < state.minConfidence) { return; }
      if (!from || !to || !state.types.has(from.type) || !state.types.has(to.type)) { return; }
      shownEdges.add(e.id);
      connected.add(e.from);
      connected.add(e.to);
    });
    var shownNodes = new Set();
    data.nodes.forEach(function (n) {
      if (state.types.has(n.type) && (!state.hideIsolated || connected.has(n.id))) { shownNodes.add(n.id); }
    });
    state.shownNodes = shownNodes;
    state.shownEdges = shownEdges;
  }
  computeVisibility();

  var nodesView = new vis.DataView(nodes, { filter: function (n) { return state.shownNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return state.shownEdges.has(e.id); } });

  var network = new vis.Network(container, {}, data.options);
  var kg = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    state: state, stable: false, selected: null
  };
  window.kgGraph = kg;

  function markStable() {
    kg.stable = true;
    statusEl.textContent = "";
  }
  if (data.physics) {
    network.on("stabilizationProgress", function (p) {
      statusEl.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", markStable);
  } else {
    network.once("afterDrawing", markStable);
  }
  network.setData({ nodes: nodesView, edges: edgesView });

  function updateStats() {
    statsEl.textContent = data.nodes.length + " nodes · " + data.edges.length + " edges" +
      (nodesView.length !== data.nodes.length || edgesView.length !== data.edges.length
        ? " (showing " + nodesView.length + " · " + edgesView.length + ")" : "");
  }

  var pending = false;
  function applyFilters() {
    computeVisibility();
    nodesView.refresh();
    edgesView.refresh();
    updateStats();
  }
  function scheduleFilters() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; applyFilters(); });
  }
  kg.applyFilters = applyFilters;

  // --- small DOM helpers (text only) ---------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function labelOf(id) { var n = nodeById.get(id); return n ? n.fullLabel : String(id); }
  function fmtConfidence(c) { return c === null || c === undefined ? "n/a" : Number(c).toFixed(2); }

  // Split evidence into plain and <mark> pieces around the subject/object mentions.
  function findSpan(text, needle) {
    if (!needle) { return -1; }
    var at = text.indexOf(needle);
    if (at < 0 && text.toLowerCase().length === text.length && needle.toLowerCase().length === needle.length) {
      at = text.toLowerCase().indexOf(needle.toLowerCase());
    }
    return at;
  }
  function evidenceNode(edge, maxLength) {
    var text = edge.evidence || "";
    var block = el("div", "kg-evidence");
    if (!text) { block.appendChild(el("em", null, "no evidence sentence")); return block; }
    var spans = [];
    [["kg-s", edge.s_mention], ["kg-o", edge.o_mention]].forEach(function (pair) {
      var at = findSpan(text, pair[1]);
      if (at < 0) { return; }
      var span = { start: at, end: at + pair[1].length, cls: pair[0] };
      var overlaps = spans.some(function (s) { return span.start < s.end && s.start < span.end; });
      if (!overlaps) { spans.push(span); }
    });
    spans.sort(function (a, b) { return a.start - b.start; });
    var limit = maxLength || Infinity;
    var pos = 0;
    function addText(upto) {
      if (upto > pos && pos < limit) { block.appendChild(document.createTextNode(text.slice(pos, Math.min(upto, limit)))); }
      pos = upto;
    }
    spans.forEach(function (s) {
      addText(s.start);
      if (s.start < limit) { block.appendChild(el("mark", s.cls, text.slice(s.start, s.end))); }
      pos = s.end;
    });
    addText(text.length);
    if (text.length > limit) { block.appendChild(document.createTextNode("…")); }
    return block;
  }

  function addRow(dl, term, value) {
    if (value === null || value === undefined || value === "") { return null; }
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
    dl.appendChild(dd);
    return dd;
  }
  function swatch(type) {
    var info = data.types.find(function (t) { return t.name === type; });
    var s = el("span", "kg-swatch");
    if (info) { s.style.background = info.color; }
    return s;
  }

  // --- tooltip ---------------------------------------------------------------------------
  function nodeTip(n) {
    var box = document.createDocumentFragment();
    box.appendChild(el("div", "kg-tip-title", n.fullLabel));
    box.appendChild(el("div", "kg-tip-row", "Type: " + n.type));
    if (n.aliases && n.aliases.length) {
      var shown = n.aliases.slice(0, 8).join(", ") + (n.aliases.length > 8 ? ", …" : "");
      box.appendChild(el("div", "kg-tip-row", "Also: " + shown));
    }
    box.appendChild(el("div", "kg-tip-row", "Documents: " + n.docs));
    return box;
  }
  function edgeTip(e) {
    var box = document.createDocumentFragment();
    box.appendChild(el("div", "kg-tip-title",
      labelOf(e.from) + (e.symmetric ? " ↔ " : " → ") + e.relation + (e.symmetric ? " ↔ " : " → ") + labelOf(e.to)));
    box.appendChild(evidenceNode(e, 240));
    var meta = [];
    if (e.doc_title || e.doc) { meta.push(e.doc_title || e.doc); }
    if (e.doc_date) { meta.push(e.doc_date); }
    meta.push("confidence " + fmtConfidence(e.confidence));
    if (e.rule) { meta.push("rule " + e.rule); }
    box.appendChild(el("div", "kg-tip-row", meta.join(" · ")));
    return box;
  }
  function showTip(content, pointer) {
    clear(tooltip);
    tooltip.appendChild(content);
    tooltip.hidden = false;
    var wrap = tooltip.parentNode.getBoundingClientRect();
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > wrap.width) { x = Math.max(0, pointer.x - tooltip.offsetWidth - 14); }
    if (y + tooltip.offsetHeight > wrap.height) { y = Math.max(0, pointer.y - tooltip.offsetHeight - 14); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTip() { tooltip.hidden = true; clear(tooltip); }

  network.on("hoverNode", function (p) { var n = nodeById.get(p.node); if (n) { showTip(nodeTip(n), p.pointer.DOM); } });
  network.on("hoverEdge", function (p) { var e = edgeById.get(p.edge); if (e) { showTip(edgeTip(e), p.pointer.DOM); } });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // --- details panel ---------------------------------------------------------------------
  function showNode(id) {
    var n = nodeById.get(id);
    if (!n) { return; }
    kg.selected = { kind: "node", id: id };
    clear(details);
    var h = el("h3");
    h.appendChild(swatch(n.type));
    h.appendChild(document.createTextNode(" " + n.fullLabel));
    details.appendChild(h);
    var dl = el("dl");
    addRow(dl, "Type", n.type);
    if (n.aliases && n.aliases.length) { addRow(dl, "Aliases", n.aliases.join(", ")); }
    addRow(dl, "Documents", n.docs);
    addRow(dl, "Importance", n.importance.toFixed(3));
    addRow(dl, "IRI", n.id);
    details.appendChild(dl);
    var ids = incident.get(id) || [];
    details.appendChild(el("h4", null, "Connections (" + ids.length + ")"));
    var list = el("ul", "kg-conn");
    ids.slice(0, 200).forEach(function (eid) {
      var e = edgeById.get(eid);
      var li = el("li");
      var b = el("button");
      b.type = "button";
      var outgoing = e.from === id;
      var arrow = e.symmetric ? [" ", " ↔ "] : outgoing ? ["", " → "] : ["← ", " "];
      b.appendChild(el("span", "kg-rel", arrow[0] + e.relation + arrow[1]));
      b.appendChild(document.createTextNode(labelOf(outgoing ? e.to : e.from)));
      if (!state.shownEdges.has(eid)) { b.title = "hidden by the current filters"; b.style.opacity = "0.5"; }
      b.addEventListener("click", function () { selectEdge(eid); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (ids.length > 200) { list.appendChild(el("li", "kg-hint", "… and " + (ids.length - 200) + " more")); }
    details.appendChild(list);
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) { return; }
    kg.selected = { kind: "edge", id: id };
    clear(details);
    var h = el("h3");
    h.appendChild(el("span", null, labelOf(e.from)));
    h.appendChild(el("span", "kg-rel", (e.symmetric ? " ↔ " : " → ") + e.relation + (e.symmetric ? " ↔ " : " → ")));
    h.appendChild(el("span", null, labelOf(e.to)));
    details.appendChild(h);
    details.appendChild(el("h4", null, "Evidence"));
    details.appendChild(evidenceNode(e));
    var dl = el("dl");
    addRow(dl, "Document", e.doc_title || e.doc);
    if (e.doc_title && e.doc) { addRow(dl, "Document id", e.doc); }
    addRow(dl, "Date", e.doc_date);
    var conf = el("span", null, fmtConfidence(e.confidence));
    if (e.confidence !== null && e.confidence !== undefined) {
      var bar = el("span", "kg-bar");
      bar.style.width = Math.round(60 * e.confidence) + "px";
      conf.appendChild(bar);
    }
    addRow(dl, "Confidence", conf);
    addRow(dl, "Rule", e.rule);
    addRow(dl, "Hedge", e.hedge);
    (e.qualifiers || []).forEach(function (q) { addRow(dl, q[0], q[1]); });
    addRow(dl, "Subject", e.s_mention);
    addRow(dl, "Object", e.o_mention);
    addRow(dl, "Assertion", e.key);
    details.appendChild(dl);
    [e.from, e.to].forEach(function (nid, i) {
      if (i === 1 && e.to === e.from) { return; }
      var b = el("button", null, "Show " + labelOf(nid));
      b.type = "button";
      b.addEventListener("click", function () { focusNode(nid); });
      details.appendChild(b);
      details.appendChild(document.createTextNode(" "));
    });
  }

  function selectEdge(id) {
    if (state.shownEdges.has(id)) { network.selectEdges([id]); }
    showEdge(id);
  }

  network.on("click", function (p) {
    hideTip();
    if (p.nodes && p.nodes.length) { showNode(p.nodes[0]); }
    else if (p.edges && p.edges.length) { showEdge(p.edges[0]); }
  });

  kg.showNode = showNode;
  kg.showEdge = showEdge;

  // --- search ----------------------------------------------------------------------------
  var searchInput = document.getElementById("kg-search");
  var results = document.getElementById("kg-search-results");
  var searchNote = document.getElementById("kg-search-note");
  var index = data.nodes.map(function (n) {
    return { id: n.id, names: [n.fullLabel].concat(n.aliases || []), keys: [n.fullLabel.toLowerCase()].concat((n.aliases || []).map(function (a) { return a.toLowerCase(); })) };
  });

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var best = null;
      entry.keys.forEach(function (key, i) {
        var score = key === q ? 0 : key.indexOf(q) === 0 ? 1 : key.indexOf(" " + q) >= 0 ? 2 : key.indexOf(q) >= 0 ? 3 : -1;
        if (score >= 0 && (best === null || score < best.score)) { best = { score: score, name: entry.names[i], alias: i > 0 }; }
      });
      if (best) { found.push({ id: entry.id, score: best.score, name: best.name, alias: best.alias }); }
    });
    found.sort(function (a, b) {
      return a.score - b.score || nodeById.get(b.id).importance - nodeById.get(a.id).importance;
    });
    return found.slice(0, 12);
  }

  function focusNode(id) {
    var n = nodeById.get(id);
    if (!n) { return false; }
    showNode(id);
    if (!state.shownNodes.has(id)) {
      searchNote.textContent = n.fullLabel + " is hidden by the current filters.";
      return false;
    }
    searchNote.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    return true;
  }

  function renderResults() {
    clear(results);
    searchNote.textContent = "";
    var q = searchInput.value;
    var found = search(q);
    if (q.trim() && !found.length) { searchNote.textContent = "No entity matches."; }
    found.forEach(function (r) {
      var n = nodeById.get(r.id);
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.appendChild(swatch(n.type));
      b.appendChild(document.createTextNode(" " + n.fullLabel + (r.alias ? " (" + r.name + ")" : "")));
      b.title = n.type;
      b.addEventListener("click", function () { focusNode(r.id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    return found;
  }
  searchInput.addEventListener("input", renderResults);
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = renderResults();
      if (found.length) { focusNode(found[0].id); }
    }
  });
  kg.search = search;
  kg.focusNode = focusNode;

  // --- filters and options ----------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("input.kg-type"), function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { state.types.add(box.dataset.type); } else { state.types.delete(box.dataset.type); }
      scheduleFilters();
    });
  });
  var relationBoxes = document.querySelectorAll("input.kg-relation");
  Array.prototype.forEach.call(relationBoxes, function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
      scheduleFilters();
    });
  });
  function setAllRelations(on) {
    Array.prototype.forEach.call(relationBoxes, function (box) {
      box.checked = on;
      if (on) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
    });
    scheduleFilters();
  }
  document.getElementById("kg-relations-all").addEventListener("click", function () { setAllRelations(true); });
  document.getElementById("kg-relations-none").addEventListener("click", function () { setAllRelations(false); });

  var slider = document.getElementById("kg-confidence");
  var sliderValue = document.getElementById("kg-confidence-value");
  function onSlider() {
    state.minConfidence = parseFloat(slider.value) || 0;
    sliderValue.textContent = state.minConfidence.toFixed(2);
    scheduleFilters();
  }
  slider.addEventListener("input", onSlider);
  slider.addEventListener("change", onSlider);

  var hideIsolated = document.getElementById("kg-hide-isolated");
  hideIsolated.addEventListener("change", function () { state.hideIsolated = hideIsolated.checked; scheduleFilters(); });

  var physics = document.getElementById("kg-physics");
  physics.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physics.checked, stabilization: { enabled: false } } });
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // --- hooks for tests and notebooks -----------------------------------------------------
  function toPage(p) {
    var rect = container.getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }
  kg.nodeDOM = function (id) {
    var pos = network.getPositions([id])[id];
    return pos ? toPage(network.canvasToDOM(pos)) : null;
  };
  kg.edgeDOM = function (id) {
    var edge = network.body.edges[id];
    if (!edge || !edge.connected) { return null; }
    var point = edge.edgeType.getPoint(0.5, edge.edgeType.getViaNode());
    return toPage(network.canvasToDOM(point));
  };
  kg.shownNodeIds = function () { return nodesView.getIds(); };
  kg.shownEdgeIds = function () { return edgesView.getIds(); };
  kg.drawnNodeCount = function () { return network.body.nodeIndices.length; };
  kg.drawnEdgeCount = function () { return network.body.edgeIndices.length; };
  updateStats();
})();
