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

  // The overview holds as many of the most central entities as the canvas has room for:
  // the 60 from Python on a full window, fewer in a small frame (a notebook cell).
  var overviewIds = null;
  if (data.overview) {
    var room = container.clientWidth * container.clientHeight / 480000;
    var fits = Math.max(20, Math.round(data.overview.ids.length * Math.min(1, room)));
    overviewIds = data.overview.ids.slice(0, fits);
    if (fits < data.overview.ids.length) {
      // A cut list can leave an entity with no fact inside it: such ones give their place
      // to the next ones in rank that have a fact with the set.
      var tiedIn = function (id, set) {
        return (incident.get(id) || []).some(function (eid) {
          var e = edgeById.get(eid);
          var other = e.from === id ? e.to : e.from;
          return other !== id && set.has(other);
        });
      };
      for (var round = 0; round < 3; round++) {
        var set = new Set(overviewIds);
        overviewIds = overviewIds.filter(function (id) { return tiedIn(id, set); });
        set = new Set(overviewIds);
        data.overview.ids.forEach(function (id) {
          if (overviewIds.length < fits && !set.has(id) && tiedIn(id, set)) { overviewIds.push(id); set.add(id); }
        });
      }
    }
  }

  var state = {
    types: new Set(data.types.map(function (t) { return t.name; })),
    relations: new Set(data.relations.map(function (r) { return r.name; })),
    minConfidence: 0,
    // A period (dates from data.dates, null: open) and one source: a document or a
    // publisher (null: all).
    since: null,
    until: null,
    doc: null,
    publisher: null,
    // Entities without a shown fact float unconnected in the picture: hidden by default.
    // (Unless there is no fact at all: then the entities are all there is to show.)
    hideIsolated: data.edges.length > 0,
    // Big graphs open on their most central entities (null: everything is in view).
    overview: overviewIds ? new Set(overviewIds) : null,
    // A connection between two entities, or an entity's neighbourhood: only its nodes and
    // facts are drawn (see enterSubset).
    path: null,
    shownNodes: new Set(),
    shownEdges: new Set(),
    isolated: 0
  };
  // Positions from Python (big graphs, and the "everything" view of an overview).
  var pyPos = new Map();
  data.nodes.forEach(function (n) { if (typeof n.x === "number") { pyPos.set(n.id, { x: n.x, y: n.y }); } });

  // A date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as its first and last day.
  function firstDay(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function lastDay(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }
  function inPeriod(e) {
    if (state.since === null && state.until === null) { return true; }
    if (!e.date) { return false; }  // undated facts cannot be placed in a period
    if (state.since !== null && lastDay(e.date) < firstDay(state.since)) { return false; }
    return !(state.until !== null && firstDay(e.date) > lastDay(state.until));
  }
  function edgePasses(e) {
    var from = nodeById.get(e.from), to = nodeById.get(e.to);
    if (!state.relations.has(e.relation)) { return false; }
    if (state.doc !== null && e.doc !== state.doc) { return false; }
    if (state.publisher !== null && e.publisher !== state.publisher) { return false; }
    if (!inPeriod(e)) { return false; }
    // Unknown confidence is not evidence of low confidence: keep such edges.
    if (e.confidence !== null && e.confidence !== undefined && e.confidence < state.minConfidence) { return false; }
    return !!(from && to && state.types.has(from.type) && state.types.has(to.type));
  }

  function computeVisibility() {
    var shownEdges = new Set();
    var connected = new Set();
    var scope = state.path ? state.path.nodes : state.overview;
    data.edges.forEach(function (e) {
      if (state.path ? !state.path.edges.has(e.id) : !edgePasses(e)) { return; }
      if (scope && !(scope.has(e.from) && scope.has(e.to))) { return; }
      shownEdges.add(e.id);
      connected.add(e.from);
      connected.add(e.to);
    });
    // Entities with no fact passing the filters anywhere in the graph (overview or not).
    var linked = new Set();
    data.edges.forEach(function (e) { if (edgePasses(e)) { linked.add(e.from); linked.add(e.to); } });
    var shownNodes = new Set();
    var isolated = 0;
    data.nodes.forEach(function (n) {
      if (state.path) { if (state.path.nodes.has(n.id)) { shownNodes.add(n.id); } return; }
      if (!state.types.has(n.type)) { return; }
      if (!linked.has(n.id)) { isolated += 1; }
      if (connected.has(n.id) || (!state.hideIsolated && !linked.has(n.id))) { shownNodes.add(n.id); }
    });
    state.shownNodes = shownNodes;
    state.shownEdges = shownEdges;
    state.isolated = isolated;
  }
  computeVisibility();

  var nodesView = new vis.DataView(nodes, { filter: function (n) { return state.shownNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return state.shownEdges.has(e.id); } });

  var network = new vis.Network(container, {}, data.options);
  var kg = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    state: state, stable: false, selected: null, labelled: new Set()
  };
  window.kgGraph = kg;
  var physicsBox = document.getElementById("kg-physics");
  var isolatedBox = document.getElementById("kg-show-isolated");
  var isolatedCount = document.getElementById("kg-isolated-count");
  var banner = document.getElementById("kg-banner");
  var bannerText = document.getElementById("kg-banner-text");
  var bannerButton = document.getElementById("kg-banner-button");

  // --- layout: readable labels ---------------------------------------------------------
  // A node's box with its label: vis-network's bounding box stops short of the bottom of
  // a label drawn under a dot, so take the union with the label's own box.
  function nodeBox(id) {
    var node = network.body.nodes[id];
    if (!node) { return null; }
    var b = node.shape.boundingBox, m = node.labelModule.size;
    var box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    if (node.labelModule.elementOptions.label && m.width > 0) {
      box.left = Math.min(box.left, m.left); box.right = Math.max(box.right, m.left + m.width);
      box.top = Math.min(box.top, m.top); box.bottom = Math.max(box.bottom, m.top + m.height);
    }
    return box;
  }
  // Fit the view to the shown nodes' label boxes (vis-network's fit() uses the shorter
  // boxes, which can leave a bottom label cut by the canvas edge), never zooming past 1.
  function fitView(animate) {
    var ids = nodesView.getIds();
    if (!ids.length) { return; }
    var l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    ids.forEach(function (id) {
      var box = nodeBox(id);
      if (!box) { return; }
      l = Math.min(l, box.left); r = Math.max(r, box.right); t = Math.min(t, box.top); b = Math.max(b, box.bottom);
    });
    var scale = Math.min(1, container.clientWidth / (1.08 * (r - l) + 1), container.clientHeight / (1.08 * (b - t) + 1));
    network.moveTo({ position: { x: (l + r) / 2, y: (t + b) / 2 }, scale: scale,
                     animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
  }
  // Label boxes (vis-network's bounding boxes include the label) that overlap are pushed
  // apart along the axis where they overlap least, until none overlap.
  function separate(items, pad, limit) {
    var rounds = 0, most = limit || 400;
    for (; rounds < most; rounds++) {
      items.sort(function (a, b) { return (a.x + a.l) - (b.x + b.l); });
      var moved = false;
      for (var i = 0; i < items.length; i++) {
        var a = items[i];
        for (var j = i + 1; j < items.length; j++) {
          var c = items[j];
          if (c.x + c.l >= a.x + a.r + pad) { break; }
          var ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l) + pad;
          var oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t) + pad;
          if (ox <= 0.5 || oy <= 0.5) { continue; }
          moved = true;
          if (oy <= ox) {
            var down = (c.y + (c.t + c.b) / 2) >= (a.y + (a.t + a.b) / 2) ? 1 : -1;
            a.y -= down * oy / 2; c.y += down * oy / 2;
          } else {
            var right = (c.x + (c.l + c.r) / 2) >= (a.x + (a.l + a.r) / 2) ? 1 : -1;
            a.x -= right * ox / 2; c.x += right * ox / 2;
          }
        }
      }
      if (!moved) { break; }
    }
    return rounds;
  }
  // The zoom at which fit() would show all the boxes.
  function fitScale(items) {
    var l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    items.forEach(function (it) {
      l = Math.min(l, it.x + it.l); r = Math.max(r, it.x + it.r);
      t = Math.min(t, it.y + it.t); b = Math.max(b, it.y + it.b);
    });
    return Math.min(1, container.clientWidth / (1.08 * (r - l) + 1), container.clientHeight / (1.08 * (b - t) + 1));
  }
  // A force layout leaves empty space that makes the fitted picture (and its labels)
  // small: try the layout pulled towards its centre by a few factors, separate the label
  // boxes of each, and keep the one that can be shown largest.
  // vis-network measures a label only when it draws it: on screen and large enough. Draw
  // every shown node once at zoom 1 (then redraw the real view) so all labels are measured.
  function measureLabels() {
    var scale = network.body.view.scale;
    var ctx = network.canvas.getContext();
    network.body.view.scale = 1;
    ctx.save();
    try { network.renderer._drawNodes(ctx, true); } finally {
      ctx.restore();
      network.body.view.scale = scale;
    }
    network.redraw();
  }
  function declutter(ids, pad, factors) {
    if (ids.length < 2 || ids.length > 2000) { return 0; }
    measureLabels();
    var pos = network.getPositions(ids);
    var base = ids.map(function (id) {
      var b = nodeBox(id), p = pos[id];
      return { id: id, x: p.x, y: p.y, l: b.left - p.x, r: b.right - p.x, t: b.top - p.y, b: b.bottom - p.y };
    });
    var cx = 0, cy = 0;
    base.forEach(function (it) { cx += it.x / base.length; cy += it.y / base.length; });
    var tries = [];
    (factors || (ids.length > 600 ? [1] : [1.6, 1.3, 1, 0.8, 0.65, 0.5, 0.4])).forEach(function (f) {
      var items = base.map(function (it) {
        return { id: it.id, x: cx + f * (it.x - cx), y: cy + f * (it.y - cy), l: it.l, r: it.r, t: it.t, b: it.b };
      });
      var rounds = separate(items, pad);
      if (rounds < 400) { tries.push({ items: items, scale: fitScale(items), rounds: rounds, f: f }); }
    });
    // The most spread-out layout that can be shown nearly as large as the best one: the
    // room between nodes is where edge labels go.
    var top = Math.max.apply(null, tries.map(function (t) { return t.scale; }).concat([0]));
    var best = tries.filter(function (t) { return t.scale >= 0.92 * top; })[0];
    if (!best) {
      // no pulled-in layout came apart in the usual rounds: give the full-size one as many
      // as it takes (small graphs only come here; each round is one sweep of the boxes)
      best = { items: base, rounds: separate(base, pad, ids.length > 600 ? 400 : 4000), f: 1 };
    }
    best.items.forEach(function (it) { network.moveNode(it.id, it.x, it.y); });
    kg.shrink = best.f;
    return best.rounds;
  }

  // Parallel facts between two entities bend apart far enough that their labels
  // (12 px high on screen) sit on separate lines.
  function bendParallels() {
    var scale = network.getScale();
    var updates = [];
    edgesView.get().forEach(function (e) {
      if (!e.parallel || !e.smooth) { return; }
      var p = network.getPositions([e.from, e.to]);
      if (!p[e.from] || !p[e.to]) { return; }
      var d = Math.max(1, Math.hypot(p[e.to].x - p[e.from].x, p[e.to].y - p[e.from].y));
      var sep = 18 / Math.min(1, scale);
      // The label sits halfway between the chord's middle and the curve's control point,
      // and the control point is about roundness × length away from the middle.
      var roundness = Math.min(1, 2 * e.parallel * sep / d);
      updates.push({ id: e.id, smooth: { enabled: true, type: e.smooth.type, roundness: roundness } });
    });
    if (updates.length) { edges.update(updates); }
  }

  // Edge labels: 12 px on screen at any zoom, drawn only where they overlap no node label
  // and no other edge label; hovering an edge or selecting a node shows the others.
  var measure = document.createElement("canvas").getContext("2d");
  var edgeFace = data.options.edges.font.face;
  var forced = new Set();
  function labelPass() {
    var scale = network.getScale();
    measure.font = "12px " + edgeFace;
    var view = viewRange(0);
    var ids = edgesView.getIds();
    var keep = new Set();
    if (ids.length <= 4000) {
      var cell = 120 / scale;
      var grid = new Map();
      var boxes = [];
      var add = function (box) {
        boxes.push(box);
        for (var gx = Math.floor(box.l / cell); gx <= Math.floor(box.r / cell); gx++) {
          for (var gy = Math.floor(box.t / cell); gy <= Math.floor(box.b / cell); gy++) {
            var k = gx + ":" + gy;
            if (!grid.has(k)) { grid.set(k, []); }
            grid.get(k).push(box);
          }
        }
      };
      var hits = function (box) {
        for (var gx = Math.floor(box.l / cell); gx <= Math.floor(box.r / cell); gx++) {
          for (var gy = Math.floor(box.t / cell); gy <= Math.floor(box.b / cell); gy++) {
            var list = grid.get(gx + ":" + gy);
            if (!list) { continue; }
            for (var i = 0; i < list.length; i++) {
              var o = list[i];
              if (box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b) { return true; }
            }
          }
        }
        return false;
      };
      // Obstacles: each node's shape and its label, as two boxes.
      nodesView.getIds().forEach(function (id) {
        var b = nodeBox(id), node = network.body.nodes[id];
        if (!b || b.right < view.l || b.left > view.r || b.bottom < view.t || b.top > view.b) { return; }
        var r = (node.options.size || 10) + 2;
        add({ l: node.x - r, r: node.x + r, t: node.y - r, b: node.y + r });
        var m = node.labelModule.size;
        if (node.labelModule.elementOptions.label && m.width > 0) {
          add({ l: m.left, r: m.left + m.width, t: m.top, b: m.top + m.height });
        }
      });
      var margin = 3 / scale;
      var order = ids.map(function (id) { return edgeById.get(id); });
      // The selected node's facts first, then the facts between important entities.
      var picked = new Set(network.getSelectedEdges());
      order.sort(function (a, b) {
        return (picked.has(b.id) - picked.has(a.id)) || weight(b) - weight(a) || (a.id < b.id ? -1 : 1);
      });
      order.forEach(function (e) {
        var mid = edgeMiddle(e.id);
        if (!mid) { return; }
        var w = measure.measureText(e.relation).width / scale + 2 * margin;
        var h = 16 / scale;
        var box = { l: mid.x - w / 2, r: mid.x + w / 2, t: mid.y - h / 2, b: mid.y + h / 2 };
        if (box.l < view.l || box.r > view.r || box.t < view.t || box.b > view.b) { return; }
        if (hits(box)) { return; }
        add(box);
        keep.add(e.id);
      });
    }
    setLabels(keep);
  }
  function weight(e) {
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    return (a ? a.importance : 0) + (b ? b.importance : 0) + (e.confidence || 0) / 10;
  }
  // A label is shown by giving it a size (12 px on screen) and hidden with size 0:
  // vis-network ignores an empty or null label in an update.
  function labelSize(on) { return { size: on ? 12 / network.getScale() : 0 }; }
  function setLabels(keep) {
    var updates = [];
    kg.labelled.forEach(function (id) {
      if (!keep.has(id) && !forced.has(id)) { updates.push({ id: id, font: labelSize(false) }); }
    });
    keep.forEach(function (id) { updates.push({ id: id, font: labelSize(true) }); });
    forced.forEach(function (id) { if (!keep.has(id)) { updates.push({ id: id, font: labelSize(true) }); } });
    kg.labelled = keep;
    if (updates.length) { edges.update(updates); }
  }
  function forceLabels(ids) {
    var updates = [];
    forced.forEach(function (id) {
      if (ids.indexOf(id) < 0 && !kg.labelled.has(id)) { updates.push({ id: id, font: labelSize(false) }); }
    });
    var next = new Set();
    ids.forEach(function (id) {
      if (!edgeById.has(id)) { return; }
      next.add(id);
      if (!forced.has(id) && !kg.labelled.has(id)) { updates.push({ id: id, font: labelSize(true) }); }
    });
    forced = next;
    if (updates.length) { edges.update(updates); }
  }
  function edgeMiddle(id) {
    var edge = network.body.edges[id];
    if (!edge || !edge.connected) { return null; }
    return edge.edgeType.getPoint(0.5, edge.edgeType.getViaNode());
  }
  // The part of the canvas on screen, in canvas coordinates, shrunk by a margin in pixels.
  function viewRange(marginPx) {
    var w = container.clientWidth, h = container.clientHeight;
    var a = network.DOMtoCanvas({ x: marginPx, y: marginPx });
    var b = network.DOMtoCanvas({ x: w - marginPx, y: h - marginPx });
    return { l: a.x, t: a.y, r: b.x, b: b.y };
  }

  var labelTimer = null;
  function scheduleLabels() {
    if (labelTimer !== null) { window.clearTimeout(labelTimer); }
    labelTimer = window.setTimeout(function () { labelTimer = null; labelPass(); }, 120);
  }
  network.on("zoom", scheduleLabels);
  network.on("dragEnd", scheduleLabels);
  network.on("stabilized", function () { if (kg.stable) { scheduleLabels(); } });

  // Once the layout is done: physics off (so the picture stays put), labels pushed apart,
  // the view fitted to the label boxes, parallel facts bent, edge labels placed.
  function finishLayout() {
    network.setOptions({ physics: { enabled: false } });
    physicsBox.checked = false;
    network.redraw();
    kg.declutterRounds = declutter(nodesView.getIds(), 6);
    network.redraw();
    fitView(false);
    // labels are measured again once drawn in the fitted view: push apart any that grew
    kg.declutterRounds += declutter(nodesView.getIds(), 6, [1]);
    network.redraw();
    fitView(false);
    bendParallels();
    network.redraw();
    labelPass();
    remember();
    if (!nodesView.length) { markStable(); return; }
    network.once("afterDrawing", markStable);
    network.redraw();
  }
  function markStable() {
    kg.stable = true;
    statusEl.textContent = "";
    document.documentElement.dataset.kgStable = "true";
    if (data.path) { showPathBetween(data.path[0], data.path[1]); }
    else if (data.focus) { showNode(data.focus); network.selectNodes([data.focus]); }
  }
  network.on("stabilizationProgress", function (p) {
    statusEl.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (!state.shownNodes.size) {
    window.setTimeout(finishLayout, 0);  // nothing to lay out (an empty graph draws nothing)
  } else if (data.physics) {
    network.once("stabilizationIterationsDone", function () { window.setTimeout(finishLayout, 0); });
  } else {
    network.once("afterDrawing", function () { window.setTimeout(finishLayout, 0); });
  }
  network.setData({ nodes: nodesView, edges: edgesView });

  function updateStats() {
    statsEl.textContent = data.nodes.length + " nodes · " + data.edges.length + " edges" +
      (nodesView.length !== data.nodes.length || edgesView.length !== data.edges.length
        ? " (showing " + nodesView.length + " · " + edgesView.length + ")" : "");
    isolatedCount.textContent = String(state.isolated);
    if (state.path && state.path.kind === "neighbourhood") {
      banner.hidden = false;
      bannerText.textContent = "Showing " + labelOf(state.path.center) + " and " +
        (state.path.nodes.size - 1 < state.path.total ? "its " + (state.path.nodes.size - 1) + " strongest of " + state.path.total + " connections."
          : "its " + state.path.total + " connections.");
      bannerButton.textContent = data.overview ? "Back to the overview" : "Back to the graph";
    } else if (state.path) {
      banner.hidden = false;
      bannerText.textContent = "Showing how " + labelOf(state.path.a) + " and " + labelOf(state.path.b) + " are connected.";
      bannerButton.textContent = "Back to the graph";
    } else if (data.overview) {
      banner.hidden = false;
      if (state.overview) {
        var central = 0;
        state.overview.forEach(function (id) { if (state.shownNodes.has(id)) { central += 1; } });
        bannerText.textContent = "Overview: the " + central + " most central of " +
          data.overview.connected + " entities with facts, and the facts among them. Search an entity to see its connections.";
        bannerButton.textContent = "Show everything";
      } else {
        bannerText.textContent = "Showing every entity with facts.";
        bannerButton.textContent = "Back to the overview";
      }
    } else {
      banner.hidden = true;
    }
  }

  // Where each entity was last drawn, so one hidden and shown again comes back in place.
  var known = new Map();
  function remember() {
    var pos = network.getPositions();
    Object.keys(pos).forEach(function (id) { known.set(id, pos[id]); });
  }
  // Entities entering the view with no place yet go in rows under the drawing.
  function placeNewcomers(before) {
    var fresh = [];
    state.shownNodes.forEach(function (id) { if (!before.has(id)) { fresh.push(id); } });
    if (!fresh.length) { return; }
    var range = null;
    before.forEach(function (id) {
      var p = known.get(id);
      if (!p) { return; }
      if (!range) { range = { l: p.x, r: p.x, b: p.y }; }
      range.l = Math.min(range.l, p.x); range.r = Math.max(range.r, p.x); range.b = Math.max(range.b, p.y);
    });
    range = range || { l: 0, r: 600, b: 0 };
    var perRow = Math.max(4, Math.round((range.r - range.l) / 170) + 1);
    var updates = [];
    var gridded = [];
    fresh.forEach(function (id) {
      var p = known.get(id) || (state.overview || !pyPos.has(id) ? null : pyPos.get(id));
      if (!p) {
        var k = gridded.length;
        p = { x: range.l + 170 * (k % perRow), y: range.b + 90 + 60 * Math.floor(k / perRow) };
        gridded.push(id);
      }
      updates.push({ id: id, x: p.x, y: p.y });
    });
    nodes.update(updates);
    return gridded;
  }

  var pending = false;
  function applyFilters() {
    remember();
    var before = new Set(nodesView.getIds());
    computeVisibility();
    var gridded = placeNewcomers(before) || [];
    nodesView.refresh();
    edgesView.refresh();
    if (gridded.length) {
      // Long labels in the rows of newcomers: push them apart among themselves, and bring
      // the rows into view.
      declutter(gridded, 6, [1]);
      measureLabels();
      fitView(false);
    }
    updateStats();
    if (kg.stable) { labelPass(); }
    if (!kg.selected) { showDocuments(); }
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
  // A hovered fact always shows its label; a selection puts its facts' labels first
  // wherever they fit.
  network.on("hoverEdge", function (p) { forceLabels([p.edge]); });
  network.on("blurEdge", function () { forceLabels([]); });
  network.on("select", function () { if (kg.stable) { labelPass(); } });
  container.addEventListener("mouseleave", function () { hideTip(); forceLabels([]); });
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
    var connect = el("button", null, "Connect from here");
    connect.type = "button";
    connect.title = "Put this entity in the first box of 'Connection between'";
    connect.addEventListener("click", function () { pathFrom.value = n.fullLabel; pathTo.focus(); });
    details.appendChild(connect);
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
    else if (!state.path) { showDocuments(); }
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
    if (!state.shownNodes.has(id) && state.path) { closePath(); showNode(id); }
    if (!state.shownNodes.has(id) && state.overview) {
      showNeighbourhood(id);
      showNode(id);
      network.selectNodes([id]);
      return true;
    }
    if (!state.shownNodes.has(id)) {
      searchNote.textContent = n.fullLabel + " is hidden by the current filters.";
      return false;
    }
    searchNote.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    window.setTimeout(labelPass, 450);
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

  isolatedBox.checked = !state.hideIsolated;
  isolatedBox.addEventListener("change", function () { state.hideIsolated = !isolatedBox.checked; scheduleFilters(); });

  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked, stabilization: { enabled: false } } });
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    fitView(true);
    window.setTimeout(labelPass, 350);
  });

  // The overview of a big graph, and the way out of it.
  function setOverview(on) {
    if (!data.overview) { return; }
    remember();
    state.overview = on ? new Set(overviewIds) : null;
    if (!on) {
      // Everything goes back to the Python layout, made for the whole graph.
      var updates = [];
      pyPos.forEach(function (p, id) { updates.push({ id: id, x: p.x, y: p.y }); known.set(id, p); });
      nodes.update(updates);
    }
    applyFilters();
    fitView(false);
    labelPass();
  }
  bannerButton.addEventListener("click", function () {
    if (state.path) { closePath(); }
    else { setOverview(!state.overview); }
  });
  kg.setOverview = setOverview;

  // --- time and sources -------------------------------------------------------------------
  var sinceInput = document.getElementById("kg-since");
  var untilInput = document.getElementById("kg-until");
  var periodValue = document.getElementById("kg-period-value");
  var docSelect = document.getElementById("kg-doc");
  var last = Math.max(0, data.dates.length - 1);
  sinceInput.max = untilInput.max = String(last);
  sinceInput.value = "0";
  untilInput.value = String(last);
  if (data.dates.length < 2) { document.getElementById("kg-period").hidden = true; }  // nothing to choose
  function onPeriod(ev) {
    var a = parseInt(sinceInput.value, 10) || 0, b = parseInt(untilInput.value, 10) || 0;
    if (a > b) { if (ev && ev.target === sinceInput) { untilInput.value = String(a); b = a; } else { sinceInput.value = String(b); a = b; } }
    // The slider at an end leaves that side open, so undated facts stay in view.
    state.since = a > 0 ? data.dates[a] : null;
    state.until = b < last ? data.dates[b] : null;
    periodValue.textContent = data.dates.length ? (data.dates[a] + " – " + data.dates[b]) : "";
    scheduleFilters();
  }
  sinceInput.addEventListener("input", onPeriod);
  untilInput.addEventListener("input", onPeriod);
  kg.setPeriod = function (since, until) {
    sinceInput.value = String(Math.max(0, data.dates.indexOf(since)));
    untilInput.value = String(until && data.dates.indexOf(until) >= 0 ? data.dates.indexOf(until) : last);
    onPeriod();
  };
  periodValue.textContent = data.dates.length ? data.dates[0] + " – " + data.dates[last] : "";
  // Options: "pub:" + a publisher, "doc:" + a document id.
  if (data.publishers.length) {
    var byPublisher = el("optgroup");
    byPublisher.label = "Publishers";
    data.publishers.forEach(function (name) {
      var option = el("option", null, name);
      option.value = "pub:" + name;
      byPublisher.appendChild(option);
    });
    docSelect.appendChild(byPublisher);
  }
  var byDocument = el("optgroup");
  byDocument.label = "Documents";
  data.docs.forEach(function (d) {
    var option = el("option", null, (d.date ? d.date + " · " : "") + (d.title || d.id));
    option.value = "doc:" + d.id;
    byDocument.appendChild(option);
  });
  docSelect.appendChild(byDocument);
  function setSource(value) {
    docSelect.value = value || "";
    state.doc = value && value.indexOf("doc:") === 0 ? value.slice(4) : null;
    state.publisher = value && value.indexOf("pub:") === 0 ? value.slice(4) : null;
  }
  docSelect.addEventListener("change", function () { setSource(docSelect.value); scheduleFilters(); });
  function selectDocument(id) {
    setSource(id ? "doc:" + id : "");
    applyFilters();
  }
  kg.selectDocument = selectDocument;

  // The panel when nothing is selected: the documents whose facts are in view.
  function showDocuments() {
    kg.selected = null;
    clear(details);
    details.appendChild(el("p", "kg-hint", "Click a node or an edge to see its details and evidence."));
    var counts = new Map();
    state.shownEdges.forEach(function (id) {
      var e = edgeById.get(id);
      if (e.doc) { counts.set(e.doc, (counts.get(e.doc) || 0) + 1); }
    });
    var shown = data.docs.filter(function (d) { return counts.has(d.id); });
    details.appendChild(el("h4", null, "Documents in view (" + shown.length + ")"));
    var list = el("ul", "kg-docs");
    shown.forEach(function (d) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.dataset.doc = d.id;
      b.appendChild(el("span", "kg-date", d.date || "undated"));
      b.appendChild(document.createTextNode((d.title || d.id) + " (" + counts.get(d.id) + (counts.get(d.id) === 1 ? " fact)" : " facts)")));
      if (d.publisher) { b.appendChild(el("span", "kg-source", " " + d.publisher)); }
      b.title = state.doc === d.id ? "Show every document" : "Show only what this document says";
      b.addEventListener("click", function () { selectDocument(state.doc === d.id ? null : d.id); });
      li.appendChild(b);
      list.appendChild(li);
    });
    details.appendChild(list);
  }
  kg.showDocuments = showDocuments;
  showDocuments();

  // --- connections between two entities -------------------------------------------------
  // Every shortest chain (up to 12) between a and b over the facts the filters let
  // through, read in either direction.
  function shortestChains(a, b) {
    var adjacency = new Map();
    data.edges.forEach(function (e) {
      if (e.from === e.to || !edgePasses(e)) { return; }
      [[e.from, e.to], [e.to, e.from]].forEach(function (pair) {
        if (!adjacency.has(pair[0])) { adjacency.set(pair[0], new Map()); }
        var m = adjacency.get(pair[0]);
        if (!m.has(pair[1])) { m.set(pair[1], []); }
        m.get(pair[1]).push(e.id);
      });
    });
    var dist = new Map([[a, 0]]);
    var preds = new Map();
    var queue = [a];
    for (var q = 0; q < queue.length; q++) {
      var u = queue[q];
      if (dist.has(b) && dist.get(u) >= dist.get(b)) { break; }
      (adjacency.get(u) || new Map()).forEach(function (ids, v) {
        if (!dist.has(v)) { dist.set(v, dist.get(u) + 1); queue.push(v); }
        if (dist.get(v) === dist.get(u) + 1) {
          if (!preds.has(v)) { preds.set(v, []); }
          preds.get(v).push(u);
        }
      });
    }
    if (!dist.has(b) || a === b) { return { chains: [], adjacency: adjacency }; }
    var chains = [];
    (function walk(node, tail) {
      if (chains.length >= 12) { return; }
      if (node === a) { chains.push([a].concat(tail)); return; }
      (preds.get(node) || []).forEach(function (p) { walk(p, [node].concat(tail)); });
    })(b, []);
    return { chains: chains, adjacency: adjacency };
  }

  function showPathBetween(a, b) {
    var na = nodeById.get(a), nb = nodeById.get(b);
    if (!na || !nb) { return false; }
    var found = shortestChains(a, b);
    clear(details);
    details.appendChild(el("h3", null, "How " + na.fullLabel + " and " + nb.fullLabel + " are connected"));
    if (!found.chains.length) {
      details.appendChild(el("p", "kg-hint", a === b ? "Pick two different entities." :
        "No chain of facts links them (with the current filters)."));
      kg.selected = { kind: "path", a: a, b: b, chains: [] };
      return false;
    }
    var steps = found.chains[0].length - 1;
    details.appendChild(el("p", "kg-hint", found.chains.length + (found.chains.length === 1 ? " shortest chain" : " shortest chains") +
      " of " + steps + (steps === 1 ? " fact" : " facts") + (found.chains.length >= 12 ? " (the first 12)" : "") + "."));
    var pathNodes = new Set(), pathEdges = new Set();
    found.chains.forEach(function (chain, ci) {
      var list = el("ol", "kg-chain");
      list.appendChild(el("li", "kg-hint", "Chain " + (ci + 1) + ": " + chain.map(labelOf).join(" — ")));
      chain.forEach(function (id) { pathNodes.add(id); });
      for (var i = 0; i + 1 < chain.length; i++) {
        found.adjacency.get(chain[i]).get(chain[i + 1]).forEach(function (eid) {
          pathEdges.add(eid);
          var e = edgeById.get(eid);
          var li = el("li");
          var hop = el("button", "kg-hop");
          hop.type = "button";
          hop.textContent = labelOf(e.from) + (e.symmetric ? " ↔ " : " → ") + e.relation + (e.symmetric ? " ↔ " : " → ") + labelOf(e.to);
          hop.addEventListener("click", function () { selectEdge(eid); });
          li.appendChild(hop);
          li.appendChild(evidenceNode(e, 400));
          var src = [e.doc_title || e.doc, e.date || e.doc_date, "confidence " + fmtConfidence(e.confidence)].filter(Boolean);
          li.appendChild(el("div", "kg-source", src.join(" · ")));
          list.appendChild(li);
        });
      }
      details.appendChild(list);
    });
    enterPath({ kind: "path", a: a, b: b, nodes: pathNodes, edges: pathEdges, chains: found.chains });
    kg.selected = { kind: "path", a: a, b: b, chains: found.chains };
    return true;
  }

  // Draw only the chains, left to right from a to b, one row per entity at each step.
  function enterPath(path) {
    var columns = new Map();
    path.chains.forEach(function (chain) {
      chain.forEach(function (id, step) {
        if (!columns.has(step)) { columns.set(step, []); }
        if (columns.get(step).indexOf(id) < 0) { columns.get(step).push(id); }
      });
    });
    var positions = [];
    columns.forEach(function (ids, step) {
      ids.forEach(function (id, row) {
        positions.push({ id: id, x: step * 260, y: (row - (ids.length - 1) / 2) * 120 });
      });
    });
    enterSubset(path, positions);
    network.selectEdges(Array.from(path.edges));
  }

  // An entity hidden by the overview: show it with its strongest connections around it.
  function showNeighbourhood(id) {
    var around = new Map();
    (incident.get(id) || []).forEach(function (eid) {
      var e = edgeById.get(eid);
      if (!edgePasses(e)) { return; }
      var other = e.from === id ? e.to : e.from;
      if (other !== id) { around.set(other, Math.max(around.get(other) || 0, nodeById.get(other).importance)); }
    });
    var ranked = Array.from(around.keys()).sort(function (a, b) { return around.get(b) - around.get(a); });
    var kept = ranked.slice(0, 40);
    var members = new Set([id].concat(kept));
    var shownEdges = new Set();
    data.edges.forEach(function (e) {
      if (members.has(e.from) && members.has(e.to) && edgePasses(e)) { shownEdges.add(e.id); }
    });
    var radius = Math.max(220, kept.length * 30);
    var positions = [{ id: id, x: 0, y: 0 }];
    kept.forEach(function (other, i) {
      var angle = 2 * Math.PI * i / kept.length;
      positions.push({ id: other, x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
    enterSubset({ kind: "neighbourhood", center: id, nodes: members, edges: shownEdges,
                  total: ranked.length }, positions);
  }

  // Show only a set of nodes and facts (a connection, a neighbourhood) at given places;
  // the graph's own view is kept to come back to.
  var savedView = null;
  function enterSubset(subset, positions) {
    if (!state.path) { remember(); savedView = new Map(known); }
    state.path = subset;
    nodes.update(positions);
    computeVisibility();
    nodesView.refresh();
    edgesView.refresh();
    positions.forEach(function (u) { network.moveNode(u.id, u.x, u.y); });
    network.unselectAll();
    network.redraw();
    declutter(nodesView.getIds(), 6);
    network.redraw();
    fitView(false);
    bendParallels();
    labelPass();
    updateStats();
  }
  function closePath() {
    if (!state.path) { return; }
    state.path = null;
    var updates = [];
    savedView.forEach(function (p, id) { updates.push({ id: id, x: p.x, y: p.y }); });
    nodes.update(updates);
    computeVisibility();
    nodesView.refresh();
    edgesView.refresh();
    updates.forEach(function (u) { if (state.shownNodes.has(u.id)) { network.moveNode(u.id, u.x, u.y); } });
    network.unselectAll();
    network.redraw();
    fitView(false);
    bendParallels();
    labelPass();
    updateStats();
    showDocuments();
  }
  kg.showPathBetween = showPathBetween;
  kg.forceLabels = forceLabels;
  kg.bendParallels = bendParallels;
  kg.showNeighbourhood = showNeighbourhood;
  kg.closePath = closePath;

  var pathFrom = document.getElementById("kg-path-from");
  var pathTo = document.getElementById("kg-path-to");
  var pathNote = document.getElementById("kg-path-note");
  function pick(input) {
    var found = search(input.value);
    return found.length ? found[0].id : null;
  }
  function connectFromInputs() {
    var a = pick(pathFrom), b = pick(pathTo);
    pathNote.textContent = "";
    if (!a || !b) { pathNote.textContent = "No entity matches " + (a ? pathTo.value : pathFrom.value) + "."; return; }
    pathFrom.value = labelOf(a);
    pathTo.value = labelOf(b);
    if (!showPathBetween(a, b)) { pathNote.textContent = "No connection found."; }
  }
  document.getElementById("kg-path-go").addEventListener("click", connectFromInputs);
  [pathFrom, pathTo].forEach(function (input) {
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { connectFromInputs(); } });
  });

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
    var point = edgeMiddle(id);
    return point ? toPage(network.canvasToDOM(point)) : null;
  };
  // Label boxes of the shown nodes in canvas coordinates, as vis-network computes them.
  kg.nodeBoxes = function () {
    measureLabels();  // boxes of nodes off screen or too small to draw are measured too
    return nodesView.getIds().map(function (id) {
      var b = network.getBoundingBox(id), full = nodeBox(id), m = network.body.nodes[id].labelModule.size;
      return { id: id, left: b.left, right: b.right, top: b.top, bottom: b.bottom, full: full,
               label: { left: m.left, right: m.left + m.width, top: m.top, bottom: m.top + m.height } };
    });
  };
  // Edge labels drawn now: their boxes in canvas coordinates and their size on screen.
  kg.edgeLabelBoxes = function () {
    var scale = network.getScale();
    return edgesView.getIds().filter(function (id) {
      var e = network.body.edges[id];
      return e && e.labelModule.visible();
    }).map(function (id) {
      var m = network.body.edges[id].labelModule;
      return { id: id, left: m.size.left, top: m.size.top, right: m.size.left + m.size.width,
               bottom: m.size.top + m.size.height, px: m.fontOptions.size * scale, text: m.elementOptions.label };
    });
  };
  kg.shownNodeIds = function () { return nodesView.getIds(); };
  kg.shownEdgeIds = function () { return edgesView.getIds(); };
  kg.drawnNodeCount = function () { return network.body.nodeIndices.length; };
  kg.drawnEdgeCount = function () { return network.body.edgeIndices.length; };
  updateStats();
})();
