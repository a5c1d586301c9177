// Salvo's dashboard: the events of a store on a map and a timeline, in a table, and each with its
// sources. Filters (words searched, country, type, weapon, actor, confidence, dates — typed, or
// brushed on the timeline) go to the API, which refuses bad ones with their reason, and drive the three views
// together; they live in the URL (and an open event in its #event=… fragment), so a view can be
// shared.
//
// Article text is untrusted (the seeds carry <a> tags and JavaScript): it is only ever put in
// the page as text nodes (textContent, createTextNode), never as HTML. Its addresses become
// links only when they are http(s), and then with rel="noopener noreferrer".
import L from 'leaflet';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';

const WEAPONS = ['rocket', 'drone', 'missile', 'mortar', 'ied', 'small_arms', 'aircraft', 'unknown'];
const FILTERS = ['q', 'country', 'type', 'weapon', 'actor', 'min_confidence', 'since', 'until'];
const DATE_FILTERS = new Set(['since', 'until']);
const CLUSTER_ABOVE = 300; // markers cluster only when there are more located events than this
const COUNTRY_NAMES = { IQ: 'Iraq', SY: 'Syria', JO: 'Jordan', IR: 'Iran', TR: 'Turkey', LB: 'Lebanon', IL: 'Israel', SA: 'Saudi Arabia', KW: 'Kuwait', YE: 'Yemen' };

const state = {
  filters: Object.fromEntries(FILTERS.map((f) => [f, ''])),
  events: [], // the events of the non-date filters (the timeline shows them all)
  shown: [], // the events of every filter: map, table and downloads
  tallies: [],
  countries: [], // codes seen, for the select and the timeline's colours
  sort: { key: 'date', descending: false },
  page: 0,
};

// ---------- small helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function svg(tag, attributes = {}, title = null) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (title !== null) {
    node.append(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
    node.firstChild.textContent = title;
  }
  return node;
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function query(filters, keep) {
  const q = new URLSearchParams();
  for (const f of FILTERS) if (filters[f] !== '' && keep(f)) q.set(f, filters[f]);
  return q;
}

// Every event of `filters`, page after page.
async function allEvents(filters, keep) {
  const all = [];
  let cursor = null;
  do {
    const q = query(filters, keep);
    q.set('limit', '10000');
    if (cursor) q.set('cursor', cursor);
    const page = await api(`/api/events?${q}`);
    all.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

const dayMs = 86400000;
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;
const isoOf = (day) => new Date(day * dayMs).toISOString().slice(0, 10);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const countryName = (code) => COUNTRY_NAMES[code] || code;

// An address from an article, as a link only if it is http(s): a javascript: or data: URL is text.
function safeLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {}
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', { class: 'url' }, url);
  return el('a', { class: 'url', href: parsed.href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

// ---------- URL <-> filters ----------

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const f of FILTERS) state.filters[f] = q.get(f) ?? '';
}

function writeUrl() {
  const q = query(state.filters, () => true).toString();
  history.replaceState(null, '', `${q ? `?${q}` : location.pathname}${location.hash}`);
}

function syncForm() {
  const form = document.getElementById('filters');
  for (const f of FILTERS) form.elements[f].value = state.filters[f];
}

const eventOfHash = () => /^#event=(ev_[A-Za-z0-9_]+)$/.exec(location.hash)?.[1] ?? null;

// ---------- map ----------

// The map has no tile layer to give it a zoom range, and the marker clusters (above CLUSTER_ABOVE
// events) refuse a map without one: the dashboard did not start on any larger store.
const map = L.map('map', { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([33.5, 41.5], 5);
map.attributionControl.addAttribution('Borders: Natural Earth via world-atlas');
const eventLayer = L.layerGroup().addTo(map); // holds one group: plain markers, or clustered
const baseLayer = L.layerGroup();
L.control.layers(null, { Events: eventLayer, Bases: baseLayer }, { collapsed: false }).addTo(map);

async function drawBorders() {
  const topology = await (await fetch('countries-50m.json')).json();
  L.geoJSON(feature(topology, topology.objects.countries), {
    style: { color: '#8a8a8a', weight: 1, fillColor: '#f3f0e8', fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
}

async function drawBases() {
  const bases = await (await fetch('bases.json')).json();
  for (const b of bases) {
    L.marker([b.lat, b.lon], {
      icon: L.divIcon({ className: 'base-marker', iconSize: [8, 8] }),
      title: `${b.name} (${b.country})`,
      keyboard: false,
    }).addTo(baseLayer);
  }
}

const harmedOf = (e) => (e.killed || 0) + (e.injured || 0);
const markerSize = (harmed) => Math.round(12 + Math.min(24, 4 * Math.sqrt(harmed)));
const weaponOf = (e) => e.weapons.find((w) => w !== 'unknown') || 'unknown';

// What a marker's colour and size say: the weapon, and the people killed or injured.
const legend = L.control({ position: 'bottomleft' });
legend.onAdd = () => {
  const box = el('div', { class: 'legend map-legend' }, el('strong', {}, 'Weapon'));
  for (const w of WEAPONS) box.append(el('span', { class: 'item' }, el('i', { class: `swatch dot weapon-${w}` }), w.replace('_', ' ')));
  box.append(el('strong', {}, 'Killed + injured'));
  for (const harmed of [0, 4, 16, 36]) {
    const dot = el('i', { class: 'swatch dot size' });
    dot.style.width = dot.style.height = `${markerSize(harmed)}px`; // CSSOM, allowed by the CSP
    box.append(el('span', { class: 'item', dataset: { harmed: String(harmed) } }, dot, harmed === 36 ? '36 or more' : String(harmed)));
  }
  box.append(el('span', { class: 'item' }, el('i', { class: 'swatch base-marker' }), 'base'));
  // Above CLUSTER_ABOVE events, nearby markers are drawn as one disc: its colour is Leaflet's (how
  // many), not a weapon's.
  box.append(el('span', { class: 'item cluster' }, el('i', { class: 'swatch dot cluster' }), 'cluster: its number of events'));
  return box;
};
legend.addTo(map);

function drawMarkers(events) {
  const located = events.filter((e) => e.lat !== null && e.lon !== null);
  const wanted = located.length > CLUSTER_ABOVE ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.layerGroup();
  for (const e of located) {
    const size = markerSize(harmedOf(e));
    const marker = L.marker([e.lat, e.lon], {
      icon: L.divIcon({ className: `event-marker weapon-${weaponOf(e)}`, iconSize: [size, size] }),
      title: `${e.date || 'undated'} ${e.type} ${e.location || ''} (${e.weapons.join(', ')})`,
      riseOnHover: true,
    });
    marker.on('add', () => { marker.getElement().dataset.id = e.id; });
    marker.on('click', () => openPanel(e.id));
    wanted.addLayer(marker);
  }
  eventLayer.clearLayers();
  eventLayer.addLayer(wanted);
  const box = document.getElementById('map');
  box.dataset.located = String(located.length);
  // The map shows where the events are: fitted to them (not beyond a city's scale for one event).
  if (located.length > 0) {
    map.fitBounds(L.latLngBounds(located.map((e) => [e.lat, e.lon])), { padding: [24, 24], maxZoom: 9, animate: false });
  }
  box.dataset.bounds = map.getBounds().toBBoxString();
}

// ---------- timeline ----------

const COUNTRY_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const colorOf = (country) => (country ? COUNTRY_COLORS[Math.max(0, state.countries.indexOf(country)) % COUNTRY_COLORS.length] : '#b00020');

// Date ticks for [first, last] (days) in at most `most` steps: days, weeks, months or years, each
// on its calendar boundary.
function dateTicks(first, last, most) {
  const steps = [[1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'], [1, 'month'], [2, 'month'], [3, 'month'], [6, 'month'],
    [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year']];
  const approx = { day: 1, month: 30.44, year: 365.25 };
  const [n, unit] = steps.find(([k, u]) => (last - first) / (k * approx[u]) <= most) || steps[steps.length - 1];
  const ticks = [];
  if (unit === 'day') {
    for (let d = Math.ceil(first / n) * n; d <= last; d += n) ticks.push({ day: d, label: isoOf(d) });
    return ticks;
  }
  const start = new Date(first * dayMs);
  let year = start.getUTCFullYear(), month = unit === 'year' ? 0 : start.getUTCMonth();
  if (unit === 'year') year = Math.ceil(year / n) * n;
  for (;;) {
    const day = Date.UTC(year, month, 1) / dayMs;
    if (day > last) break;
    if (day >= first && (unit === 'year' || month % n === 0)) ticks.push({ day, label: unit === 'year' ? String(year) : isoOf(day).slice(0, 7) });
    if (unit === 'year') year += n;
    else if (++month === 12) month = 0, ++year;
  }
  return ticks;
}

// Tallies speak of one scope each (a country or all, counted since a day or since the war began):
// a line joins only the tallies of one scope, and each stands beside what Salvo holds for it.
const scopeOf = (t) => `${t.country || 'all'}|${t.since || ''}`;
const scopeName = (t) => `${t.country ? countryName(t.country) : 'all countries'}${t.since ? ` since ${t.since}` : ''}`;

function drawTimeline(events) {
  const box = document.getElementById('timeline');
  const legendBox = document.getElementById('timeline-legend');
  box.replaceChildren();
  legendBox.replaceChildren();
  const all = events.filter((e) => e.date);
  if (all.length === 0) {
    box.append(el('p', { class: 'empty' }, 'No dated events for these filters.'));
    return;
  }
  const width = Math.max(320, box.clientWidth), height = Math.max(120, box.clientHeight), pad = { l: 34, r: 40, t: 8, b: 20 };
  // The axis spans the brushed dates when there are any (the zoom), else every dated event.
  const { since, until } = state.filters;
  const tallies = state.tallies.filter((t) => t.when);
  let first = since ? dayOf(since) : Math.min(...all.map((e) => dayOf(e.date))) - 1;
  let last = until ? dayOf(until) : Math.max(...all.map((e) => dayOf(e.date)), ...tallies.map((t) => dayOf(t.when))) + 1;
  if (!since && until) first = Math.min(first, last - 1);
  if (since && !until) last = Math.max(last, first + 1);
  if (last <= first) last = first + 1;
  const dated = all.filter((e) => dayOf(e.date) >= first && dayOf(e.date) <= last);
  const inWindow = tallies.filter((t) => dayOf(t.when) >= first && dayOf(t.when) <= last);
  const x = (day) => pad.l + ((day - first) / (last - first)) * (width - pad.l - pad.r);
  const dayOfX = (px) => Math.round(first + ((Math.min(Math.max(px, pad.l), width - pad.r) - pad.l) / (width - pad.l - pad.r)) * (last - first));
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-first': isoOf(first), 'data-last': isoOf(last) });

  // Bars: per day and country.
  const perDay = new Map();
  for (const e of dated) {
    const d = dayOf(e.date);
    if (!perDay.has(d)) perDay.set(d, new Map());
    const m = perDay.get(d);
    m.set(e.country, (m.get(e.country) || 0) + 1);
  }
  const maxDay = Math.max(1, ...[...perDay.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const y = (n) => height - pad.b - (n / maxDay) * (height - pad.t - pad.b);
  const barWidth = Math.max(2, (width - pad.l - pad.r) / (last - first) - 1);
  const barCountries = new Set();
  for (const [d, m] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
    let stacked = 0;
    for (const [country, n] of [...m.entries()].sort()) {
      barCountries.add(country);
      root.append(svg('rect', {
        class: 'bar', x: x(d) - barWidth / 2, y: y(stacked + n), width: barWidth, height: y(stacked) - y(stacked + n),
        fill: colorOf(country), 'data-n': n, 'data-day': isoOf(d), 'data-country': country ?? '',
      }, `${isoOf(d)} ${countryName(country) || 'no country'}: ${n}`));
      stacked += n;
    }
  }
  // The running total of the events shown (right axis), beside the tallies.
  const days = [...perDay.keys()].sort((a, b) => a - b);
  let running = 0;
  const cumulative = days.map((d) => [d, (running += [...perDay.get(d).values()].reduce((a, b) => a + b, 0))]);
  const maxCum = Math.max(1, running, ...inWindow.map((t) => Math.max(t.count, t.held ?? 0)));
  const yc = (n) => height - pad.b - (n / maxCum) * (height - pad.t - pad.b);
  root.append(svg('polyline', {
    class: 'cumulative',
    points: [[first, 0], ...cumulative, [last, running]].map(([d, n], i, pts) => (i > 0 ? `${x(d)},${yc(pts[i - 1][1])} ${x(d)},${yc(n)}` : `${x(d)},${yc(n)}`)).join(' '),
  }));
  // Official tallies: one line per scope, in the order they were announced; each tally's dot
  // joined to a square at the events Salvo holds in the same window and country.
  const scopes = new Map();
  for (const t of inWindow) {
    if (!scopes.has(scopeOf(t))) scopes.set(scopeOf(t), []);
    scopes.get(scopeOf(t)).push(t);
  }
  for (const [scope, group] of scopes) {
    const announced = [...group].sort((a, b) => a.when.localeCompare(b.when));
    if (announced.length > 1) {
      root.append(svg('polyline', { class: 'tally-line', stroke: colorOf(group[0].country), 'data-scope': scope, 'data-points': announced.length,
        points: announced.map((t) => `${x(dayOf(t.when))},${yc(t.count)}`).join(' ') }));
    }
  }
  for (const t of inWindow) {
    const cx = x(dayOf(t.when));
    const said = `official tally ${t.when}: ${t.qualifier === 'at_least' ? '≥' : ''}${t.count} attacks in ${scopeName(t)}`;
    if (t.held !== null) {
      root.append(svg('line', { class: 'tally-gap', x1: cx, x2: cx, y1: yc(t.count), y2: yc(t.held) }));
      // The window Salvo counted in, drawn under the count it holds (clipped to the axis).
      if (t.window) {
        const [from, to] = [Math.max(first, dayOf(t.window.since)), Math.min(last, dayOf(t.window.until))];
        if (from <= to) {
          root.append(svg('line', { class: 'held-window', x1: x(from), x2: x(to), y1: yc(t.held), y2: yc(t.held), stroke: colorOf(t.country),
            'data-scope': scopeOf(t), 'data-since': t.window.since, 'data-until': t.window.until }));
        }
      }
      root.append(svg('rect', { class: 'held', x: cx - 3, y: yc(t.held) - 3, width: 6, height: 6, stroke: colorOf(t.country), 'data-scope': scopeOf(t), 'data-held': t.held },
        `Salvo holds ${t.held} attacks in ${t.country ? countryName(t.country) : 'all countries'}` +
        `${t.window ? ` from ${t.window.since} to ${t.window.until}` : ` up to ${t.when}`} (${said})`));
    }
    root.append(svg('circle', { class: 'tally', cx, cy: yc(t.count), r: 4, stroke: colorOf(t.country), 'data-scope': scopeOf(t), 'data-count': t.count, 'data-held': t.held ?? '' },
      `${said}; Salvo holds ${t.held ?? `no count (${t.note || 'the window is not said'})`}`));
  }
  // Axes: date ticks, and the counts of each side.
  for (const tick of dateTicks(first, last, Math.floor((width - pad.l - pad.r) / 80))) {
    const g = svg('g', { class: 'tick', 'data-day': isoOf(tick.day) });
    g.append(svg('line', { x1: x(tick.day), x2: x(tick.day), y1: height - pad.b, y2: height - pad.b + 4 }), textAt(x(tick.day), height - 5, tick.label, 'middle'));
    root.append(g);
  }
  root.append(svg('line', { class: 'baseline', x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b }),
    textAt(pad.l - 4, y(maxDay) + 4, String(maxDay), 'end'), textAt(width - pad.r + 4, yc(maxCum) + 4, String(maxCum), 'start', 'cum'));
  // The brush: drag to zoom to dates, double-click to zoom out.
  const selection = svg('rect', { class: 'brush', y: pad.t, height: height - pad.t - pad.b, width: 0, x: 0 });
  root.append(selection);
  let start = null;
  const localX = (event) => event.clientX - root.getBoundingClientRect().left;
  root.addEventListener('pointerdown', (event) => { start = localX(event); root.setPointerCapture(event.pointerId); });
  root.addEventListener('pointermove', (event) => {
    if (start === null) return;
    const now = localX(event);
    selection.setAttribute('x', Math.min(start, now));
    selection.setAttribute('width', Math.abs(now - start));
  });
  root.addEventListener('pointerup', (event) => {
    if (start === null) return;
    const end = localX(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) return;
    setFilters({ since: isoOf(dayOfX(a)), until: isoOf(dayOfX(b)) });
  });
  root.addEventListener('dblclick', () => setFilters({ since: '', until: '' }));
  box.append(root);

  // The legend: what each mark of the timeline is.
  for (const c of [...barCountries].sort()) legendBox.append(el('span', { class: 'item' }, swatchOf('bar', colorOf(c)), countryName(c) || 'no country'));
  legendBox.append(el('span', { class: 'item' }, swatchOf('cumulative'), 'running total shown (right axis)'));
  if (inWindow.length > 0) legendBox.append(el('span', { class: 'item' }, swatchOf('tally'), 'official tally (a line per scope)'));
  if (inWindow.some((t) => t.held !== null)) {
    legendBox.append(el('span', { class: 'item' }, swatchOf('held'), 'held by Salvo in its window and country (the bar under it)'));
  }
  if (since || until) {
    const out = el('button', { type: 'button', class: 'zoom-out' }, 'whole range');
    out.addEventListener('click', () => setFilters({ since: '', until: '' }));
    legendBox.append(out);
  }
}

function swatchOf(kind, color = null) {
  const s = el('i', { class: `swatch ${kind}` });
  if (color) s.style.background = color;
  return s;
}

function textAt(x, y, text, anchor, cls = '') {
  const t = svg('text', { x, y, 'text-anchor': anchor, class: `axis ${cls}` });
  t.textContent = text;
  return t;
}

// ---------- table ----------

const SORT_KEYS = {
  date: (e) => e.date || '~', // undated after every date
  type: (e) => e.type,
  country: (e) => e.country || '',
  location: (e) => e.location || '',
  weapons: (e) => e.weapons.join(', '),
  actor: (e) => e.actor || '',
  harmed: harmedOf,
  confidence: (e) => e.confidence,
  sources: (e) => e.sources.length,
};

function sortedEvents(events) {
  const key = SORT_KEYS[state.sort.key];
  const sign = state.sort.descending ? -1 : 1;
  return [...events].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id.localeCompare(b.id));
  });
}

// As many rows as the table's box holds: the page has no scroll bar, the table pages.
function rowsPerPage() {
  const wrap = document.getElementById('table-wrap');
  const head = document.querySelector('#events thead').getBoundingClientRect().height || 24;
  return Math.max(5, Math.floor((wrap.clientHeight - head) / 23));
}

function drawTable() {
  const events = sortedEvents(state.shown);
  const size = rowsPerPage();
  const pages = Math.max(1, Math.ceil(events.length / size));
  state.page = Math.min(state.page, pages - 1);
  const from = state.page * size;
  const body = document.querySelector('#events tbody');
  body.replaceChildren();
  for (const e of events.slice(from, from + size)) {
    const harmed = `${e.killed ?? '-'}/${e.injured ?? '-'}`;
    const actor = e.actor ? `${e.actor}${e.actor_status ? ` (${e.actor_status})` : ''}` : '';
    const row = el('tr', { dataset: { id: e.id }, tabindex: '0' },
      el('td', {}, e.date ? (e.date_max ? `${e.date}…${e.date_max}` : e.date) : 'undated'), el('td', {}, e.type),
      el('td', {}, e.country || ''), el('td', {}, e.location || ''), el('td', {}, e.weapons.join(', ')),
      el('td', {}, actor), el('td', {}, harmed), el('td', {}, e.confidence.toFixed(2)),
      el('td', { title: e.sources.map((s) => [s.outlet, s.title || s.article].filter(Boolean).join(': ')).join('\n') }, String(e.sources.length)));
    row.addEventListener('click', () => openPanel(e.id));
    row.addEventListener('keydown', (k) => { if (k.key === 'Enter') openPanel(e.id); });
    body.append(row);
  }
  for (const th of document.querySelectorAll('#events th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort.key ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
  }
  document.getElementById('page-status').textContent = events.length === 0 ? 'no events'
    : `${from + 1}–${Math.min(from + size, events.length)} of ${events.length} (page ${state.page + 1} of ${pages})`;
  document.getElementById('previous').disabled = state.page === 0;
  document.getElementById('next').disabled = state.page >= pages - 1;
}

// ---------- event panel ----------

const articles = new Map(); // id -> promise of /api/articles/{id}

// The clean text with the ranges (byte offsets into it) marked.
function highlighted(text, ranges) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const pre = el('pre', { class: 'article' });
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end > bytes.length) continue;
    pre.append(document.createTextNode(decode(at, start)), el('mark', {}, decode(start, end)));
    at = end;
  }
  pre.append(document.createTextNode(decode(at, bytes.length)));
  return pre;
}

// A source's evidence (offsets into the bytes as read) as ranges of the article's clean text.
function cleanRanges(article, evidence) {
  return evidence.flatMap((ev) => article.clean_evidence.filter((c) => c.raw_start === ev.start && c.raw_end === ev.end));
}

function closePanel() {
  document.getElementById('panel').hidden = true;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

let opening = 0; // the latest openPanel: an earlier one still loading leaves the panel to it

async function openPanel(id) {
  const mine = ++opening;
  const panel = document.getElementById('panel');
  panel.hidden = false;
  panel.dataset.ready = 'false';
  panel.replaceChildren(el('p', {}, 'Loading…'));
  history.replaceState(null, '', `${location.pathname}${location.search}#event=${id}`);
  for (const row of document.querySelectorAll('#events tr.selected')) row.classList.remove('selected');
  document.querySelector(`#events tr[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  let event;
  try {
    event = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    if (mine === opening) panel.replaceChildren(el('p', { class: 'error' }, error.message));
    return;
  }
  if (mine !== opening) return;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', closePanel);
  const fields = el('dl', { class: 'fields' });
  const add = (name, value) => fields.append(el('dt', {}, name), el('dd', {}, value ?? '—'));
  add('date', event.date ? (event.date_max ? `${event.date} to ${event.date_max}` : event.date) : null);
  add('type', event.type);
  add('place', [event.location, event.admin1, event.country].filter(Boolean).join(', ') + (event.place_precision ? ` (${event.place_precision})` : ''));
  // The words of the articles, when the canonical name differs from them ("Ain al-Asad" for "Al Asad").
  if (event.location_text && event.location_text !== event.location) add('as written', event.location_text);
  add('coordinates', event.lat !== null ? `${event.lat.toFixed(4)}, ${event.lon.toFixed(4)}` : null);
  add('weapons', event.weapons.join(', '));
  add('actor', event.actor ? `${event.actor} (${event.actor_status})` : null);
  add('target', event.target);
  add('killed / injured', `${event.killed ?? 'not said'} / ${event.injured ?? 'not said'}`);
  add('confidence', event.confidence.toFixed(2));
  const permalink = el('a', { class: 'permalink', href: `${location.pathname}${location.search}#event=${event.id}` }, 'permalink');
  add('event', el('span', {}, el('code', {}, event.id), ' ', permalink));
  panel.replaceChildren(close, el('h2', {}, `${event.type} ${event.date || ''} ${event.location || ''}`), fields);

  const conflicts = Object.entries(event.conflicts || {});
  if (conflicts.length > 0) {
    const table = el('table', { class: 'conflicts' }, el('tr', {}, el('th', {}, 'field'), el('th', {}, 'value'), el('th', {}, 'sources')));
    for (const [field, values] of conflicts) {
      for (const v of values) table.append(el('tr', {}, el('td', {}, field), el('td', {}, JSON.stringify(v.value)), el('td', {}, v.sources.join(', '))));
    }
    panel.append(el('h3', {}, 'Where the sources disagree'), table);
  }
  panel.append(el('h3', {}, plural(event.sources.length, 'source')));
  panel.scrollTop = 0;
  for (const source of event.sources) {
    const said = [source.outlet, source.published].filter(Boolean).join(', ');
    const box = el('section', { class: 'source', dataset: { article: source.article } },
      el('h4', {}, source.title || source.article), el('p', { class: 'byline' }, said,
        ...(source.title ? [said ? ' — ' : '', el('code', {}, source.article)] : []))); // the id once, as the heading if no title
    if (source.url) box.append(el('p', {}, safeLink(source.url, source.url)));
    panel.append(box);
    if (!articles.has(source.article)) articles.set(source.article, api(`/api/articles/${encodeURIComponent(source.article)}`));
    try {
      const article = await articles.get(source.article);
      if (mine !== opening) return;
      const text = highlighted(article.clean, cleanRanges(article, source.evidence));
      box.append(text);
      // The evidence in view inside the text; the panel itself stays at the event's fields.
      const mark = text.querySelector('mark');
      if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
    } catch (error) {
      box.append(el('p', { class: 'error' }, error.message));
    }
  }
  panel.scrollTop = 0;
  panel.dataset.ready = 'true';
}

// ---------- putting it together ----------

// The official tallies of attacks, of one country (or all), as the API filters them, each with
// what Salvo holds in its own window and country.
async function tallies(country) {
  const answer = await api(`/api/tallies${country ? `?country=${encodeURIComponent(country)}` : ''}`);
  return answer.tallies.filter((t) => t.tally.what === 'attacks').map((t) => ({
    when: t.tally.as_of || t.published, count: t.tally.count, since: t.tally.since, country: t.tally.country,
    qualifier: t.tally.qualifier, held: t.salvo_holds, window: t.salvo_window, note: t.salvo_note,
  }));
}

let loaded = null; // the non-date filters state.events were fetched for (null: none yet)
let talliesOf = null; // the country state.tallies were fetched for (null: none yet)
let refreshing = 0; // the latest refresh: one of earlier filters that answers later is dropped

async function refresh() {
  const mine = ++refreshing;
  document.body.dataset.ready = 'false';
  writeUrl();
  syncForm();
  updateDownloads();
  const keepOthers = (f) => !DATE_FILTERS.has(f);
  const key = query(state.filters, keepOthers).toString();
  const dates = Boolean(state.filters.since || state.filters.until);
  const summary = document.getElementById('summary');
  try {
    // The API applies every filter (and refuses a bad one, saying why); the timeline also shows
    // the days outside the dates chosen.
    if (key !== loaded) {
      const events = await allEvents(state.filters, keepOthers);
      if (mine !== refreshing) return;
      [state.events, loaded] = [events, key];
    }
    const shown = dates ? await allEvents(state.filters, () => true) : state.events;
    if (mine !== refreshing) return;
    state.shown = shown;
    if (state.filters.country !== talliesOf) {
      const country = state.filters.country;
      const found = await tallies(country);
      if (mine !== refreshing) return;
      [state.tallies, talliesOf] = [found, country];
    }
  } catch (error) {
    if (mine !== refreshing) return;
    summary.textContent = error.message;
    summary.classList.add('error');
    document.body.dataset.ready = 'true';
    return;
  }
  summary.classList.remove('error');
  const shown = state.shown;
  state.page = 0;
  drawMarkers(shown);
  drawTimeline(state.events);
  drawTable();
  const located = shown.filter((e) => e.lat !== null).length;
  const undated = dates ? state.events.filter((e) => !e.date).length : 0;
  summary.textContent = `${plural(shown.length, 'event')} (${located} on the map)` +
    (undated > 0 ? `; ${plural(undated, 'undated event')} not shown` : '');
  document.body.dataset.ready = 'true';
}

// The downloads are of what the filters show: the API's CSV (that of `salvo events --format csv`)
// and GeoJSON, with the same filters.
function updateDownloads() {
  const q = query(state.filters, () => true).toString();
  for (const [id, path] of [['download-csv', '/api/events.csv'], ['download-geojson', '/api/events.geojson']]) {
    document.getElementById(id).href = `${path}${q ? `?${q}` : ''}`;
  }
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  refresh();
}

async function start() {
  readUrl();
  const form = document.getElementById('filters');
  for (const w of WEAPONS) form.elements.weapon.append(el('option', { value: w }, w.replace('_', ' ')));
  const stats = await api('/api/stats');
  state.countries = stats.by_country.map((c) => c.country).filter(Boolean);
  for (const c of state.countries) form.elements.country.append(el('option', { value: c }, countryName(c)));
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (FILTERS.includes(name)) setFilters({ [name]: event.target.value.trim() });
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('clear').addEventListener('click', () => setFilters(Object.fromEntries(FILTERS.map((f) => [f, '']))));
  for (const th of document.querySelectorAll('#events th[data-sort]')) {
    th.addEventListener('click', () => {
      state.sort = { key: th.dataset.sort, descending: state.sort.key === th.dataset.sort && !state.sort.descending };
      state.page = 0;
      drawTable();
    });
  }
  document.getElementById('previous').addEventListener('click', () => { --state.page; drawTable(); });
  document.getElementById('next').addEventListener('click', () => { ++state.page; drawTable(); });
  window.addEventListener('resize', () => { drawTimeline(state.events); drawTable(); });
  window.addEventListener('hashchange', () => { const id = eventOfHash(); if (id) openPanel(id); });
  await Promise.all([drawBorders(), drawBases(), refresh()]);
  const id = eventOfHash();
  if (id) openPanel(id);
  document.body.dataset.loaded = 'true'; // borders and bases too: what the browser tests wait for
}

start().catch((error) => {
  const summary = document.getElementById('summary');
  // Libraries throw strings too ("Map has no maxZoom specified"): say what was thrown.
  summary.textContent = `The dashboard could not start: ${error?.message ?? error}`;
  summary.classList.add('error');
});
