/*
 * erg's HTML view: draws the graph that erg embedded as JSON (the element
 * #erg-data) with cytoscape.js at the positions erg computed (the "preset"
 * layout), and adds a search box, filters by type, outlet and date, and
 * panels for a node (details, neighbours) and a link (evidence sentences).
 *
 * Every text of the graph comes from news articles: it is put into the page
 * with textContent, never as HTML.
 *
 * For tests and scripts: window.ergView = {ready, search(q), selected(),
 * panelText(), visibleNodes(), filter(opts), loadMs (from navigation to
 * ready)}; the URL hash takes
 * search=NAME, since=DATE, until=DATE, outlet=NAME, undated=0 (hide links
 * without dates while a date is set), e.g. g.html#search=Reuters&since=2017,
 * run on load and on change.
 */
(function () {
    'use strict';

    var data = JSON.parse(document.getElementById('erg-data').textContent);
    var nodes = data.nodes, edges = data.edges;
    var typeColour = {}, kindColour = {};
    data.types.forEach(function (t) { typeColour[t.name] = t.colour; });
    data.kinds.forEach(function (k) { kindColour[k.name] = k.colour; });

    /* Per node: its index by key and the edges that touch it. */
    var index = {}, incident = [];
    nodes.forEach(function (n, i) { index[n.id] = i; incident.push([]); });
    edges.forEach(function (e, j) {
        incident[index[e.source]].push(j);
        incident[index[e.target]].push(j);
    });

    function el(tag, text, cls) {
        var x = document.createElement(tag);
        if (text !== undefined && text !== null) x.textContent = String(text);
        if (cls) x.className = cls;
        return x;
    }

    function num(v) {
        if (typeof v !== 'number') return String(v);
        return Number.isInteger(v) ? v.toLocaleString('en') : String(Math.round(v * 1e4) / 1e4);
    }

    /* ---- the drawing ---- */
    var elements = [];
    nodes.forEach(function (n, i) {
        elements.push({
            group: 'nodes',
            data: {
                id: n.id, label: n.name, i: i, size: n.size,
                font: Math.max(10, Math.round(n.size / 3)),
                colour: typeColour[n.type] || '#999',
                ccolour: n.community !== undefined ? data.community_colours[n.community % data.community_colours.length] : (typeColour[n.type] || '#999')
            },
            position: { x: n.x, y: n.y }
        });
    });
    edges.forEach(function (e, j) {
        var typed = e.kind !== 'co_mention';
        elements.push({
            group: 'edges',
            data: {
                id: 'e' + j, source: e.source, target: e.target, j: j,
                colour: kindColour[e.kind] || '#999',
                width: typed ? 2 : Math.min(8, 1 + Math.log2(Math.max(1, e.weight)))
            },
            classes: typed ? 'typed' : 'co'
        });
    });

    var big = elements.length > 4000;
    var cy = cytoscape({
        container: document.getElementById('cy'),
        elements: elements,
        layout: { name: 'preset', fit: true, padding: 30 },
        textureOnViewport: big,
        hideEdgesOnViewport: big,
        minZoom: 0.02,
        maxZoom: 8,
        style: [
            { selector: 'node', style: {
                'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)',
                label: 'data(label)', 'font-size': 'data(font)', 'min-zoomed-font-size': 8,
                color: '#222', 'text-valign': 'bottom', 'text-margin-y': 2,
                'text-outline-color': '#fff', 'text-outline-width': 1 } },
            { selector: 'node.community', style: { 'background-color': 'data(ccolour)' } },
            { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111' } },
            { selector: 'edge.co', style: {
                'curve-style': 'haystack', 'haystack-radius': 0, width: 'data(width)',
                'line-color': '#B8B8B8', opacity: 0.7 } },
            { selector: 'edge.typed', style: {
                'curve-style': 'bezier', width: 'data(width)', 'line-color': 'data(colour)',
                'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)' } },
            { selector: 'edge:selected', style: { 'line-color': '#111', 'target-arrow-color': '#111', opacity: 1 } },
            { selector: '.hidden', style: { display: 'none' } }
        ]
    });

    /* ---- header, legend, outlets ---- */
    var meta = data.meta;
    document.getElementById('title').textContent = 'erg graph: ' + num(meta.entities_total) +
        ' entities, ' + num(meta.edges_total) + ' links';
    document.title = document.getElementById('title').textContent;
    var by = meta.rank ? 'by ' + meta.rank : 'by mentions';
    document.getElementById('cut').textContent = meta.entities < meta.entities_total
        ? 'Drawn: the ' + num(meta.entities) + ' most important entities (' + by + ') of ' +
          num(meta.entities_total) + ', with the ' + num(meta.edges) + ' links among them.'
        : 'Drawn: all ' + num(meta.entities) + ' entities and ' + num(meta.edges) + ' links.';

    var typeOn = {};
    var legend = document.getElementById('legend');
    data.types.forEach(function (t) {
        var count = nodes.filter(function (n) { return n.type === t.name; }).length;
        if (!count) return;
        typeOn[t.name] = true;
        var box = el('input');
        box.type = 'checkbox';
        box.checked = true;
        box.dataset.type = t.name;
        box.addEventListener('change', function () { typeOn[t.name] = box.checked; applyFilters(); });
        var sw = el('span', null, 'swatch');
        sw.style.background = t.colour;
        var lab = el('label');
        lab.append(box, sw, document.createTextNode(t.name + ' (' + count + ')'));
        legend.append(lab);
    });
    if (!data.community_colours.length || !nodes.some(function (n) { return n.community !== undefined; }))
        document.getElementById('colour-community').parentNode.style.display = 'none';

    var outletCount = {};
    edges.forEach(function (e) {
        (e.outlets || []).forEach(function (o) { outletCount[o] = (outletCount[o] || 0) + 1; });
    });
    var outletSel = document.getElementById('outlet');
    Object.keys(outletCount).sort(function (a, b) {
        return outletCount[b] - outletCount[a] || (a < b ? -1 : a > b);
    }).forEach(function (o) {
        var opt = el('option', o + ' (' + outletCount[o] + ')');
        opt.value = o;
        outletSel.append(opt);
    });

    /* ---- filters ---- */
    /* Dates are text ("YYYY-MM-DD", "YYYY-MM" or "YYYY"): compared over their common prefix. */
    function dateCmp(a, b) {
        var n = Math.min(a.length, b.length);
        a = a.slice(0, n);
        b = b.slice(0, n);
        return a < b ? -1 : a > b ? 1 : 0;
    }

    function edgeVisible(e, f) {
        if (!typeOn[nodes[index[e.source]].type] || !typeOn[nodes[index[e.target]].type]) return false;
        if (f.outlet && (e.outlets || []).indexOf(f.outlet) < 0) return false;
        if (f.since || f.until) {
            if (!e.first_date || !e.last_date) return f.undated;
            if (f.since && dateCmp(e.last_date, f.since) < 0) return false;
            if (f.until && dateCmp(e.first_date, f.until) > 0) return false;
        }
        return true;
    }

    function currentFilter() {
        return {
            outlet: outletSel.value,
            since: document.getElementById('since').value.trim(),
            until: document.getElementById('until').value.trim(),
            undated: document.getElementById('undated').checked
        };
    }

    function applyFilters() {
        var f = currentFilter();
        var linkFilter = !!(f.outlet || f.since || f.until);
        var hasEdge = new Array(nodes.length).fill(false);
        var shownEdges = 0, shownNodes = 0;
        cy.batch(function () {
            cy.edges().forEach(function (x) {
                var e = edges[x.data('j')];
                var on = edgeVisible(e, f);
                if (on) {
                    hasEdge[index[e.source]] = hasEdge[index[e.target]] = true;
                    shownEdges++;
                }
                x.toggleClass('hidden', !on);
            });
            cy.nodes().forEach(function (x) {
                var i = x.data('i');
                var on = typeOn[nodes[i].type] && (!linkFilter || hasEdge[i]);
                if (on) shownNodes++;
                x.toggleClass('hidden', !on);
            });
        });
        document.getElementById('status').textContent = 'Showing ' + num(shownNodes) + ' of ' +
            num(nodes.length) + ' entities and ' + num(shownEdges) + ' of ' + num(edges.length) + ' links.';
    }

    ['outlet', 'since', 'until', 'undated'].forEach(function (id) {
        document.getElementById(id).addEventListener('change', applyFilters);
    });
    document.getElementById('colour-community').addEventListener('change', function (ev) {
        cy.nodes().toggleClass('community', ev.target.checked);
    });
    document.getElementById('reset').addEventListener('click', function () {
        outletSel.value = '';
        document.getElementById('since').value = '';
        document.getElementById('until').value = '';
        document.getElementById('undated').checked = true;
        legend.querySelectorAll('input').forEach(function (b) { b.checked = true; typeOn[b.dataset.type] = true; });
        applyFilters();
        cy.fit(undefined, 30);
    });

    /* ---- panels ---- */
    var panel = document.getElementById('panel');

    function linkTo(cls, text, go) {
        var a = el('a', text, cls);
        a.tabIndex = 0;
        a.setAttribute('role', 'button');
        a.addEventListener('click', go);
        a.addEventListener('keydown', function (ev) {
            if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                go();
            }
        });
        return a;
    }

    function otherEnd(e, i) {
        return index[e.source] === i ? index[e.target] : index[e.source];
    }

    function fields(rows) {
        var dl = el('dl');
        rows.forEach(function (r) {
            if (r[1] === undefined || r[1] === null || r[1] === '') return;
            dl.append(el('dt', r[0]), el('dd', r[1]));
        });
        return dl;
    }

    function evidenceList(e, into) {
        var shown = e.evidence || [];
        into.append(el('h3', 'Evidence (' + shown.length + ' of ' + num(e.count) + ')'));
        if (!shown.length) into.append(el('p', 'No sentence kept for this link.', 'hint'));
        shown.forEach(function (s) {
            var sent = data.sentences[s];
            var art = data.articles[sent.article];
            into.append(el('blockquote', sent.text));
            var p = el('p', null, 'source');
            var bits = [art.title || art.id, art.date, art.source].filter(function (x) { return x; });
            p.append(document.createTextNode(bits.join(' · ')));
            if (art.url) {
                var a = el('a', art.url);
                a.href = art.url;
                a.target = '_blank';
                a.rel = 'noopener noreferrer';
                p.append(document.createTextNode(' · '), a);
            }
            into.append(p);
        });
    }

    function showNode(i) {
        var n = nodes[i];
        panel.replaceChildren();
        panel.dataset.selected = n.id;
        panel.append(el('h2', n.name));
        var rows = [['type', n.type], ['mentions', num(n.mentions)], ['articles', num(n.articles)],
                    ['first seen', n.first_date], ['last seen', n.last_date]];
        if (meta.rank && n.score !== undefined) rows.push([meta.rank, num(n.score)]);
        if (n.community !== undefined) rows.push(['community', n.community]);
        rows.push(['key', n.id]);
        rows.push(['aliases', (n.aliases || []).map(function (a) { return a[0] + ' (' + a[1] + ')'; }).join('; ')]);
        panel.append(fields(rows));

        /* One line per neighbour (its links: co-mention, typed relations), the strongest first. */
        var byOther = {}, order = [];
        incident[i].forEach(function (j) {
            var o = otherEnd(edges[j], i);
            if (!byOther[o]) { byOther[o] = { o: o, w: 0, links: [] }; order.push(byOther[o]); }
            byOther[o].w += edges[j].weight;
            byOther[o].links.push(j);
        });
        order.sort(function (a, b) { return b.w - a.w || a.o - b.o; });
        panel.append(el('h3', 'Neighbours (' + order.length + ')'));
        var ul = el('ul');
        order.slice(0, 100).forEach(function (nb) {
            var li = el('li');
            li.append(linkTo('node', nodes[nb.o].name, function () { select(nb.o, true); }));
            nb.links.sort(function (a, b) { return edges[b].weight - edges[a].weight || a - b; });
            nb.links.forEach(function (j, k) {
                var e = edges[j];
                li.append(document.createTextNode(k ? ', ' : ' — '),
                    linkTo('edge', e.kind.replace(/_/g, ' ') + ' ' + num(e.weight), function () { selectEdge(j); }));
            });
            ul.append(li);
        });
        if (order.length > 100) ul.append(el('li', 'and ' + (order.length - 100) + ' more', 'hint'));
        panel.append(ul);
        if (order.length) {
            var top = edges[order[0].links[0]];
            panel.append(el('h3', 'Strongest link: with ' + nodes[order[0].o].name));
            evidenceList(top, panel);
        }
    }

    function showEdge(j) {
        var e = edges[j], s = nodes[index[e.source]], t = nodes[index[e.target]];
        panel.replaceChildren();
        panel.dataset.selected = 'e' + j;
        var arrow = e.kind === 'co_mention' ? ' — ' : ' → ';
        var h = el('h2');
        h.append(linkTo('node', s.name, function () { select(index[e.source], true); }),
            document.createTextNode(arrow),
            linkTo('node', t.name, function () { select(index[e.target], true); }));
        panel.append(h);
        panel.append(fields([['kind', e.kind.replace(/_/g, ' ')], ['weight', num(e.weight)],
            ['count', num(e.count)], ['articles', num(e.articles)], ['first', e.first_date],
            ['last', e.last_date], ['outlets', (e.outlets || []).join('; ')]]));
        evidenceList(e, panel);
    }

    function select(i, centre) {
        cy.elements(':selected').unselect();
        var x = cy.getElementById(nodes[i].id);
        x.select();
        if (centre) {
            if (cy.zoom() < 1) cy.zoom(1);
            cy.center(x);
        }
        showNode(i);
    }

    function selectEdge(j) {
        cy.elements(':selected').unselect();
        cy.getElementById('e' + j).select();
        showEdge(j);
    }

    cy.on('tap', 'node', function (ev) { select(ev.target.data('i'), false); });
    cy.on('tap', 'edge', function (ev) { selectEdge(ev.target.data('j')); });

    /* ---- search ---- */
    /* The best match for q: a name or alias equal to it (case-insensitive), else one that contains it; the most important first. */
    function find(q) {
        q = q.trim().toLowerCase();
        if (!q) return -1;
        var best = -1, bestRank = 0;
        nodes.forEach(function (n, i) {
            var names = [n.name].concat((n.aliases || []).map(function (a) { return a[0]; }));
            var rank = 0;
            names.forEach(function (s) {
                s = s.toLowerCase();
                if (s === q) rank = Math.max(rank, 2);
                else if (s.indexOf(q) >= 0) rank = Math.max(rank, 1);
            });
            if (rank > bestRank || (rank && rank === bestRank && n.size > nodes[best].size)) {
                best = i;
                bestRank = rank;
            }
        });
        return best;
    }

    function search(q) {
        var i = find(q);
        if (i < 0) {
            cy.elements(':selected').unselect();
            panel.replaceChildren(el('p', 'No entity matches "' + q + '".', 'hint'));
            panel.dataset.selected = '';
            return null;
        }
        select(i, true);
        return nodes[i].id;
    }

    document.getElementById('search-form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        search(document.getElementById('search').value);
    });

    /* ---- the URL hash: search=, since=, until=, outlet= ---- */
    function fromHash() {
        var h = location.hash.replace(/^#/, '');
        if (!h) return;
        var p = {};
        h.split('&').forEach(function (kv) {
            var k = kv.indexOf('=');
            if (k > 0) p[kv.slice(0, k)] = decodeURIComponent(kv.slice(k + 1).replace(/\+/g, ' '));
        });
        if (p.since !== undefined) document.getElementById('since').value = p.since;
        if (p.until !== undefined) document.getElementById('until').value = p.until;
        if (p.outlet !== undefined) outletSel.value = p.outlet;
        if (p.undated !== undefined) document.getElementById('undated').checked = p.undated !== '0';
        applyFilters();
        if (p.search !== undefined) {
            document.getElementById('search').value = p.search;
            search(p.search);
        }
    }
    window.addEventListener('hashchange', fromHash);

    window.ergView = {
        ready: false,
        cy: cy,
        search: search,
        selected: function () { return panel.dataset.selected || null; },
        panelText: function () { return panel.textContent; },
        visibleNodes: function () { return cy.nodes(':visible').map(function (x) { return x.id(); }); },
        filter: function (f) {
            f = f || {};
            outletSel.value = f.outlet || '';
            document.getElementById('since').value = f.since || '';
            document.getElementById('until').value = f.until || '';
            document.getElementById('undated').checked = f.undated !== false;
            applyFilters();
            return window.ergView.visibleNodes().length;
        }
    };
    applyFilters();
    fromHash();
    window.ergView.ready = true;
    window.ergView.loadMs = Math.round(performance.now());
    document.documentElement.dataset.ergReady = 'true';
    document.documentElement.dataset.ergLoadMs = String(window.ergView.loadMs);
})();
