// The page of `rawabit export --format html`: draws the graph rawabit laid out, and lets an analyst
// search it, filter it and read the evidence of every fact. The data is untrusted article text:
// it only ever reaches the page as text nodes (append, textContent), never as markup.
(function () {
  'use strict';

  performance.mark('rawabit:start');  // the marks time the opening (tests/browser --bench)
  const data = JSON.parse(document.getElementById('rawabit-data').textContent);
  performance.mark('rawabit:parsed');
  const nodes = data.nodes, edges = data.edges;
  const byId = (id) => document.getElementById(id);

  // h('p', {className: 'x', dir: 'rtl'}, 'text', child...): an element; strings become text nodes.
  function h(tag, props, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'className' || key === 'title' || key === 'type' || key === 'href') element[key] = value;
      else element.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) element.append(child);
    return element;
  }

  // The database's matching form (src/text/normalize.hpp): NFKC; no diacritics, tatweel, bidi or
  // zero-width marks; alef forms, ya, ta marbuta and Persian letters folded; digits and case folded.
  function normalizeForm(text) {
    return text.normalize('NFKC')
      .replace(/[\u064B-\u0655\u0670\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
      .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u06CC/g, '\u064A')
      .replace(/\u06A9/g, '\u0643')
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0))
      .replace(/[A-Z]/g, (c) => c.toLowerCase())
      .replace(/#(?=\p{L})/gu, '')
      .replace(/_/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  function swatch(colour) {
    const s = h('span', {className: 'swatch'});
    s.style.background = colour;
    return s;
  }

  function nameOf(i) { return nodes[i].name || nodes[i].ar; }

  // An entity's name with its Arabic spelling when that differs, each isolated in its direction.
  function nameElement(i) {
    const n = nodes[i];
    const element = h('span', {className: 'name', dir: 'auto'}, n.name);
    if (n.ar && n.ar !== n.name) element.append(' ', h('span', {className: 'ar', dir: 'rtl', lang: 'ar'}, n.ar));
    return element;
  }

  // ---- the graph ---------------------------------------------------------------------------------
  const large = edges.length > 600;
  const edgeLabels = edges.length <= 120;  // beyond, predicates print over one another
  const elements = [];
  nodes.forEach((n, i) => {
    const label = n.ar && n.ar !== n.name ? n.name + '\n' + n.ar : nameOf(i);
    elements.push({group: 'nodes', data: {id: 'n' + i, label: label, colour: n.colour, size: n.size},
                   position: {x: n.x, y: n.y}});
  });
  edges.forEach((e, i) => {
    elements.push({group: 'edges', data: {id: 'e' + i, source: 'n' + e.s, target: 'n' + e.t, label: e.p,
                                         width: e.pen}});
  });

  // A large graph names only its most central entities, and those around the selection: thousands
  // of names would print over one another, and each costs the first frame its measuring.
  const kLabelled = 40;
  if (large) {
    const top = nodes.map((n, i) => i).sort((a, b) => nodes[b].pagerank - nodes[a].pagerank).slice(0, kLabelled);
    for (const i of top) elements[i].classes = 'labelled';
  }

  // A large graph is fitted from the node positions rather than from every element's bounding box
  // (which cytoscape would compute before the first frame). Its WebGL renderer, tried, drew the ANT
  // graph with 10% less CPU in the page but 40% more in all (software GL in headless Chromium): the
  // canvas it is.
  const labelStyle = {
    'label': 'data(label)', 'font-size': 14,  // the size Graphviz laid the labels out with
    'font-family': 'Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif', 'text-wrap': 'wrap',
    'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#222', 'text-outline-color': '#fff',
    'text-outline-width': 2, 'min-zoomed-font-size': 7};
  const cy = cytoscape({
    container: byId('graph'),
    elements: elements,
    layout: {name: 'preset', fit: !large, padding: 24},
    minZoom: 0.02,
    maxZoom: 6,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',  // a large graph draws a quarter of the pixels on a high-density screen
    style: [
      // Each style property costs every node a walk over its facts when first drawn: the base
      // style of a large graph is kept to its colour and size.
      {selector: 'node', style: large ? {'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)'} :
        Object.assign({'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
                       'border-width': 1, 'border-color': '#555'}, labelStyle)},
      {selector: 'node.labelled', style: labelStyle},
      {selector: 'edge', style: {
        'width': 'data(width)', 'line-color': '#b9c2cc',
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle', 'target-arrow-color': '#b9c2cc', 'arrow-scale': 0.8,
        'label': edgeLabels ? 'data(label)' : '', 'font-size': 10, 'color': '#667', 'text-rotation': 'autorotate',
        'text-outline-color': '#fff', 'text-outline-width': 2, 'min-zoomed-font-size': 8}},
      {selector: 'node:selected', style: {'border-width': 4, 'border-color': '#1f2d3d'}},
      {selector: 'edge:selected', style: {'line-color': '#1f2d3d', 'target-arrow-color': '#1f2d3d', 'opacity': 1,
                                          'width': 4, 'z-index': 10, 'label': 'data(label)', 'font-size': 11,
                                          'color': '#1f2d3d'}},
      {selector: '.dim', style: {'opacity': 0.12}},
      {selector: '.hidden', style: {'display': 'none'}},
    ],
  });
  if (large) fitPositions();

  // Fits the graph in view from the nodes' positions and sizes.
  function fitPositions() {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.size); x1 = Math.max(x1, n.x + n.size);
      y0 = Math.min(y0, n.y - n.size); y1 = Math.max(y1, n.y + n.size);
    }
    const padding = 24, width = cy.width(), height = cy.height();
    const zoom = Math.min((width - 2 * padding) / Math.max(1, x1 - x0), (height - 2 * padding) / Math.max(1, y1 - y0));
    cy.viewport({zoom: zoom, pan: {x: (width - zoom * (x0 + x1)) / 2, y: (height - zoom * (y0 + y1)) / 2}});
  }

  performance.mark('rawabit:drawn');

  // ---- filters -----------------------------------------------------------------------------------
  const periods = [...new Set(edges.flatMap((e) => e.dates.map((d) => d.slice(0, 7))))].sort();
  const shown = {types: new Set(data.types.map((t) => t.type)), predicates: new Set(data.predicates),
                 from: 0, to: Math.max(0, periods.length - 1)};

  // A date (YYYY, YYYY-MM or YYYY-MM-DD) within the chosen periods, compared at its own precision.
  function dateShown(date) {
    const key = date.slice(0, 7), from = periods[shown.from], to = periods[shown.to];
    return key >= from.slice(0, key.length) && key <= to.slice(0, key.length);
  }

  function edgeShown(e) {
    if (!shown.predicates.has(e.p) || !shown.types.has(nodes[e.s].type) || !shown.types.has(nodes[e.t].type))
      return false;
    if (periods.length === 0 || (shown.from === 0 && shown.to === periods.length - 1)) return true;
    return e.dates.some(dateShown);
  }

  // Elements in data order, and whether each is shown: a filter touches only what it changes.
  const nodeElements = cy.nodes(), edgeElements = cy.edges();
  const nodeOn = new Array(nodes.length).fill(true), edgeOn = new Array(edges.length).fill(true);

  function applyFilters() {
    const visibleDegree = new Array(nodes.length).fill(0);
    let edgeCount = 0, nodeCount = 0;
    cy.batch(() => {
      edges.forEach((e, i) => {
        const on = edgeShown(e);
        if (on !== edgeOn[i]) edgeElements[i].toggleClass('hidden', !on);
        edgeOn[i] = on;
        if (on) { visibleDegree[e.s]++; visibleDegree[e.t]++; edgeCount++; }
      });
      nodes.forEach((n, i) => {
        const on = shown.types.has(n.type) && (visibleDegree[i] > 0 || n.degree === 0);
        if (on !== nodeOn[i]) nodeElements[i].toggleClass('hidden', !on);
        nodeOn[i] = on;
        if (on) nodeCount++;
      });
    });
    byId('count-nodes').textContent = String(nodeCount);
    byId('count-edges').textContent = String(edgeCount);
  }

  function checkbox(set, value, onChange) {
    const input = h('input', {type: 'checkbox'});
    input.checked = set.has(value);
    input.addEventListener('change', () => {
      if (input.checked) set.add(value); else set.delete(value);
      onChange();
    });
    return input;
  }

  function buildTypeFilter() {
    const counts = {};
    nodes.forEach((n) => { counts[n.type] = (counts[n.type] || 0) + 1; });
    for (const t of data.types) {
      const label = h('label', {}, checkbox(shown.types, t.type, applyFilters), ' ', swatch(t.colour), ' ',
                      t.type.toLowerCase(), ' ', h('span', {className: 'small'}, '(' + (counts[t.type] || 0) + ')'));
      byId('type-filter').append(h('li', {'data-type': t.type}, label));
    }
  }

  function buildPredicateFilter() {
    const counts = {};
    edges.forEach((e) => { counts[e.p] = (counts[e.p] || 0) + 1; });
    const inputs = [];
    for (const p of data.predicates) {
      const input = checkbox(shown.predicates, p, applyFilters);
      inputs.push([input, p]);
      byId('predicate-filter').append(h('li', {}, h('label', {}, input, ' ', p, ' ',
                                                     h('span', {className: 'small'}, '(' + counts[p] + ')'))));
    }
    const setAll = (on) => {
      for (const [input, p] of inputs) { input.checked = on; if (on) shown.predicates.add(p); else shown.predicates.delete(p); }
      applyFilters();
    };
    byId('predicates-all').addEventListener('click', () => setAll(true));
    byId('predicates-none').addEventListener('click', () => setAll(false));
  }

  function buildTimeFilter() {
    const from = byId('time-from'), to = byId('time-to'), label = byId('time-label');
    const update = () => {
      shown.from = Math.min(Number(from.value), Number(to.value));
      shown.to = Math.max(Number(from.value), Number(to.value));
      label.textContent = periods.length ? periods[shown.from] + ' – ' + periods[shown.to] : 'no dated evidence';
      applyFilters();
    };
    for (const input of [from, to]) {
      input.max = String(Math.max(0, periods.length - 1));
      input.disabled = periods.length < 2;
      input.addEventListener('input', update);
    }
    from.value = '0';
    to.value = String(Math.max(0, periods.length - 1));
    update();
  }

  // ---- the panel ---------------------------------------------------------------------------------
  const panel = byId('panel');
  let current = {node: null, edge: null};

  function showPanel(...children) {
    panel.replaceChildren(...children);
    panel.scrollTop = 0;
  }

  let neighbourhoodLabels = cy.collection();
  function highlight(collection) {
    cy.batch(() => {
      cy.elements().addClass('dim');
      collection.removeClass('dim');
      if (large) {
        neighbourhoodLabels.removeClass('labelled');
        neighbourhoodLabels = collection.nodes().not('.labelled').addClass('labelled');
      }
    });
  }

  // Brings `collection` into view, zoomed in at most 1.5 times around `focus`.
  function fitTo(focus, collection) {
    cy.stop();
    cy.animate({fit: {eles: collection.filter(':visible'), padding: 60}}, {duration: 250, complete: () => {
      if (cy.zoom() > 1.5) cy.zoom({level: 1.5, renderedPosition: focus.renderedPosition()});
    }});
  }

  function clearSelection() {
    cy.elements().unselect().removeClass('dim');
    neighbourhoodLabels.removeClass('labelled');
    neighbourhoodLabels = cy.collection();
    current = {node: null, edge: null};
    showPanel(h('p', {className: 'hint'}, 'Search an entity or click one in the graph.'));
  }

  function factLink(i, fromNode) {
    const e = edges[i];
    const outgoing = e.s === fromNode;
    const other = outgoing ? e.t : e.s;
    const button = h('button', {type: 'button', className: 'fact-link', 'data-edge': String(i)},
                     outgoing ? '→ ' : '← ', nameElement(other), ' ',
                     h('span', {className: 'weight'}, e.w === 1 ? '1 document' : e.w + ' documents'));
    button.addEventListener('click', () => showFact(i));
    return h('li', {}, button);
  }

  function showNode(i) {
    const n = nodes[i];
    current = {node: i, edge: null};
    const node = cy.getElementById('n' + i);
    cy.elements().unselect();
    node.select();
    highlight(node.closedNeighborhood());
    fitTo(node, node.closedNeighborhood());

    const facts = h('dl', {className: 'facts'});
    const row = (term, ...value) => facts.append(h('dt', {}, term), h('dd', {}, ...value));
    row('Type', swatch(n.colour), ' ', n.type.toLowerCase());
    row('Mentions', String(n.mentions));
    row('Degree', n.degree + (n.degree === 1 ? ' fact' : ' facts'));
    row('Community', String(n.community));
    row('PageRank', n.pagerank.toFixed(4));
    if (n.qid) {
      const valid = /^Q[0-9]+$/.test(n.qid);
      row('Wikidata', valid ? h('a', {href: 'https://www.wikidata.org/wiki/' + n.qid, rel: 'noopener noreferrer',
                                       target: '_blank'}, n.qid) : n.qid);
    }
    const groups = new Map();
    edges.forEach((e, k) => {
      if (e.s !== i && e.t !== i) return;
      if (!groups.has(e.p)) groups.set(e.p, []);
      groups.get(e.p).push(k);
    });
    const sections = [...groups.keys()].sort().map((p) => {
      const list = groups.get(p).sort((a, b) => edges[b].w - edges[a].w);
      return h('section', {className: 'predicate', 'data-predicate': p},
               h('h4', {}, p + ' (' + list.length + ')'), h('ul', {className: 'fact-list'}, ...list.map((k) => factLink(k, i))));
    });
    showPanel(h('h3', {id: 'panel-title', dir: 'auto'}, nameElement(i)), facts,
              h('h2', {}, 'Facts by predicate'), ...sections);
    window.__rawabit.selected = i;
  }

  function evidenceItem(ev) {
    const doc = data.docs[ev.doc] || {};
    const sentence = h('p', {className: 'sentence', dir: 'rtl', lang: 'ar'}, ev.before, h('mark', {}, ev.span), ev.after);
    const meta = h('div', {className: 'meta'});
    if (doc.title) meta.append(h('span', {className: 'title', dir: 'auto'}, doc.title));
    if (ev.date || doc.date) meta.append(h('span', {}, ev.date || doc.date));
    const source = doc.publisher || doc.source;
    if (source) meta.append(h('span', {className: 'source', dir: 'auto'}, source));
    meta.append(h('span', {}, 'confidence ' + ev.confidence.toFixed(2)));
    if (ev.modality) meta.append(h('span', {}, 'modality: ' + ev.modality));
    return h('div', {className: 'evidence'}, sentence, meta);
  }

  function showFact(i) {
    const e = edges[i];
    const from = current.node;
    current = {node: from, edge: i};
    const edge = cy.getElementById('e' + i);
    cy.elements().unselect();
    edge.select();
    highlight(edge.union(edge.connectedNodes()));

    const children = [];
    if (from !== null) {
      const back = h('button', {type: 'button', className: 'fact-link'}, '← ', nameElement(from));
      back.addEventListener('click', () => showNode(from));
      children.push(back);
    }
    children.push(h('h3', {id: 'panel-title'}, nameElement(e.s), ' ', h('code', {}, e.p), ' ', nameElement(e.t)));
    const facts = h('dl', {className: 'facts'});
    facts.append(h('dt', {}, 'Documents'), h('dd', {}, String(e.w)));
    if (e.dates.length)
      facts.append(h('dt', {}, 'Dates'), h('dd', {}, e.dates[0] + (e.dates.length > 1 ? ' – ' + e.dates[e.dates.length - 1] : '')));
    children.push(facts, h('h2', {}, 'Evidence'), ...e.ev.map(evidenceItem));
    if (e.more > 0)
      children.push(h('p', {className: 'more'}, 'and ' + e.more + ' more evidence ' + (e.more === 1 ? 'sentence' : 'sentences') +
                                                  ' (this page keeps the ' + data.evidence_per_fact + ' most confident of each fact)'));
    showPanel(...children);
  }

  // ---- search ------------------------------------------------------------------------------------
  const forms = nodes.map((n) => n.keys.length ? n.keys : [normalizeForm(n.name), normalizeForm(n.ar)]);

  // Entities whose names match `query`: a whole name first, then a name starting with it or a word
  // of a name starting with it, then a name containing it; PageRank breaks ties.
  function search(query) {
    const q = normalizeForm(query);
    if (!q) return [];
    const hits = [];
    forms.forEach((keys, i) => {
      let best = 3;
      for (const key of keys) {
        if (key === q) best = 0;
        else if (best > 1 && (key.startsWith(q) || key.includes(' ' + q))) best = 1;
        else if (best > 2 && key.includes(q)) best = 2;
      }
      if (best < 3) hits.push([best, -nodes[i].pagerank, i]);
    });
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return hits.slice(0, 12).map((hit) => hit[2]);
  }

  function buildSearch() {
    const input = byId('search'), results = byId('results');
    let hits = [];
    const choose = (i) => { results.hidden = true; showNode(i); };
    input.addEventListener('input', () => {
      hits = search(input.value);
      results.replaceChildren(...hits.map((i, rank) => {
        const item = h('li', {role: 'option', className: rank === 0 ? 'active' : ''}, swatch(nodes[i].colour), nameElement(i));
        item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(i); });
        return item;
      }));
      if (input.value && hits.length === 0) results.replaceChildren(h('li', {className: 'hint'}, 'no entity matches'));
      results.hidden = !input.value;
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && hits.length) choose(hits[0]);
      if (event.key === 'Escape') results.hidden = true;
    });
    input.addEventListener('blur', () => { results.hidden = true; });
  }

  // ---- wiring ------------------------------------------------------------------------------------
  cy.on('tap', 'node', (event) => showNode(Number(event.target.id().slice(1))));
  cy.on('tap', 'edge', (event) => showFact(Number(event.target.id().slice(1))));
  cy.on('tap', (event) => { if (event.target === cy) clearSelection(); });

  window.__rawabit = {cy: cy, data: data, search: search, showNode: showNode, showFact: showFact,
                      normalizeForm: normalizeForm, selected: null};
  buildTypeFilter();
  buildPredicateFilter();
  buildTimeFilter();
  buildSearch();
  performance.mark('rawabit:wired');
  cy.ready(() => requestAnimationFrame(() => {
    window.__rawabit.readyMs = performance.now();
    document.body.setAttribute('data-ready', '1');
  }));
})();
