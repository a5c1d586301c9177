// Salvo's dashboard: the events of a store on a map and a timeline, in a table, and each with its
// sources. Filters (country, weapon, actor, confidence, dates — typed, or brushed on the
// timeline) drive the three views together and live in the URL, so a view can be shared.
//
// Article text is untrusted (the seeds carry <a> tags and JavaScript): it is only ever put in
// the page as text nodes (textContent, createTextNode), never as HTML.
import L from 'leaflet';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';

const WEAPONS = ['rocket', 'drone', 'missile', 'mortar', 'ied', 'small_arms', 'aircraft', 'unknown'];
const FILTERS = ['country', 'weapon', 'actor', 'min_confidence', 'since', 'until'];
const DATE_FILTERS = new Set(['since', 'until']);
const CLUSTER_ABOVE = 300; // markers cluster only when there are more located events than this
const COUNTRY_NAMES = { IQ: 'Iraq', SY: 'Syria', JO: 'Jordan', IR: 'Iran', TR: 'Turkey', LB: 'Lebanon', IL: 'Israel', SA: 'Saudi Arabia', KW: 'Kuwait', YE: 'Yemen' };

const state = {
  filters: Object.fromEntries(FILTERS.map((f) => [f, ''])),
  events: [], // the events of the non-date filters (the timeline shows them all)
  tallies: [],
  countries: [], // codes seen, for the select and the timeline's colours
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

function svg(tag, attributes = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
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

// The day range an event touches, as the API filters it: [date, date_max or date].
function inDates(event, filters) {
  if (!filters.since && !filters.until) return true;
  if (!event.date) return false;
  const last = event.date_max || event.date;
  return (!filters.since || last >= filters.since) && (!filters.until || event.date <= filters.until);
}

const dayMs = 86400000;
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;
const isoOf = (day) => new Date(day * dayMs).toISOString().slice(0, 10);

// ---------- URL <-> filters ----------

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const f of FILTERS) state.filters[f] = q.get(f) ?? '';
}

function writeUrl() {
  const q = query(state.filters, () => true).toString();
  history.replaceState(null, '', q ? `?${q}` : location.pathname);
}

function syncForm() {
  const form = document.getElementById('filters');
  for (const f of FILTERS) form.elements[f].value = state.filters[f];
}

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

function markerSize(e) {
  const harmed = (e.killed || 0) + (e.injured || 0);
  return Math.round(12 + Math.min(24, 4 * Math.sqrt(harmed)));
}

function drawMarkers(events) {
  const located = events.filter((e) => e.lat !== null && e.lon !== null);
  const wanted = located.length > CLUSTER_ABOVE ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.layerGroup();
  for (const e of located) {
    const size = markerSize(e);
    const weapon = e.weapons.find((w) => w !== 'unknown') || 'unknown';
    const marker = L.marker([e.lat, e.lon], {
      icon: L.divIcon({ className: `event-marker weapon-${weapon}`, iconSize: [size, size] }),
      title: `${e.date || 'undated'} ${e.type} ${e.location || ''} (${e.weapons.join(', ')})`,
      riseOnHover: true,
    });
    marker.on('add', () => { marker.getElement().dataset.id = e.id; });
    marker.on('click', () => openPanel(e.id));
    wanted.addLayer(marker);
  }
  eventLayer.clearLayers();
  eventLayer.addLayer(wanted);
  document.getElementById('map').dataset.located = String(located.length);
}

// ---------- timeline ----------

const COUNTRY_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const colorOf = (country) => COUNTRY_COLORS[Math.max(0, state.countries.indexOf(country)) % COUNTRY_COLORS.length];

function drawTimeline(events) {
  const box = document.getElementById('timeline');
  box.replaceChildren();
  const dated = events.filter((e) => e.date);
  if (dated.length === 0) {
    box.append(el('p', { class: 'empty' }, 'No dated events for these filters.'));
    return;
  }
  const width = Math.max(320, box.clientWidth), height = 170, pad = { l: 34, r: 40, t: 10, b: 22 };
  let first = Math.min(...dated.map((e) => dayOf(e.date)));
  let last = Math.max(...dated.map((e) => dayOf(e.date)));
  const tallies = state.tallies.filter((t) => t.when && (!state.filters.country || t.country === state.filters.country || !t.country));
  for (const t of tallies) last = Math.max(last, dayOf(t.when));
  first -= 1; last += 1;
  const x = (day) => pad.l + ((day - first) / (last - first)) * (width - pad.l - pad.r);
  const dayOfX = (px) => Math.round(first + ((px - pad.l) / (width - pad.l - pad.r)) * (last - first));

  // Per day and country.
  const perDay = new Map();
  for (const e of dated) {
    const d = dayOf(e.date);
    if (!perDay.has(d)) perDay.set(d, new Map());
    const m = perDay.get(d);
    m.set(e.country, (m.get(e.country) || 0) + 1);
  }
  const maxDay = Math.max(...[...perDay.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const y = (n) => height - pad.b - (n / maxDay) * (height - pad.t - pad.b);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const barWidth = Math.max(2, (width - pad.l - pad.r) / (last - first) - 1);
  for (const [d, m] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
    let stacked = 0;
    for (const [country, n] of [...m.entries()].sort()) {
      const rect = svg('rect', {
        class: 'bar', x: x(d) - barWidth / 2, y: y(stacked + n), width: barWidth, height: y(stacked) - y(stacked + n),
        fill: colorOf(country), 'data-n': n, 'data-day': isoOf(d), 'data-country': country,
      });
      rect.append(svg('title'));
      rect.firstChild.textContent = `${isoOf(d)} ${COUNTRY_NAMES[country] || country}: ${n}`;
      root.append(rect);
      stacked += n;
    }
  }
  // The cumulative count of events held, against the official tallies (right axis).
  const days = [...perDay.keys()].sort((a, b) => a - b);
  let running = 0;
  const cumulative = days.map((d) => [d, (running += [...perDay.get(d).values()].reduce((a, b) => a + b, 0))]);
  const maxCum = Math.max(running, ...tallies.map((t) => t.count));
  const yc = (n) => height - pad.b - (n / maxCum) * (height - pad.t - pad.b);
  root.append(svg('polyline', {
    class: 'cumulative',
    points: [[first, 0], ...cumulative, [last, running]].map(([d, n], i, all) => (i > 0 ? `${x(d)},${yc(all[i - 1][1])} ${x(d)},${yc(n)}` : `${x(d)},${yc(n)}`)).join(' '),
  }));
  // The official counts as a line of their own, in the order they were announced.
  const announced = [...tallies].sort((a, b) => a.when.localeCompare(b.when));
  if (announced.length > 1) {
    root.append(svg('polyline', { class: 'tally-line', points: announced.map((t) => `${x(dayOf(t.when))},${yc(t.count)}`).join(' ') }));
  }
  for (const t of tallies) {
    const dot = svg('circle', { class: 'tally', cx: x(dayOf(t.when)), cy: yc(t.count), r: 4 });
    dot.append(svg('title'));
    dot.firstChild.textContent = `official tally ${t.when}: ${t.qualifier === 'at_least' ? '≥' : ''}${t.count} attacks` +
      `${t.since ? ` since ${t.since}` : ''}${t.country ? ` in ${COUNTRY_NAMES[t.country] || t.country}` : ''}; Salvo holds ${t.held ?? '?'}`;
    root.append(dot);
  }
  // Axes: first and last day, counts.
  root.append(textAt(pad.l, height - 6, isoOf(first + 1), 'start'), textAt(width - pad.r, height - 6, isoOf(last - 1), 'end'),
    textAt(pad.l - 4, y(maxDay) + 4, String(maxDay), 'end'), textAt(width - pad.r + 4, yc(maxCum) + 4, String(maxCum), 'start', 'cum'));
  // The brush: drag to choose dates, double-click to clear them.
  const selection = svg('rect', { class: 'brush', y: pad.t, height: height - pad.t - pad.b, width: 0, x: 0 });
  root.append(selection);
  if (state.filters.since || state.filters.until) {
    const a = x(state.filters.since ? dayOf(state.filters.since) : first);
    const b = x(state.filters.until ? dayOf(state.filters.until) : last);
    selection.setAttribute('x', Math.min(a, b));
    selection.setAttribute('width', Math.abs(b - a));
  }
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
}

function textAt(x, y, text, anchor, cls = '') {
  const t = svg('text', { x, y, 'text-anchor': anchor, class: `axis ${cls}` });
  t.textContent = text;
  return t;
}

// ---------- table ----------

function drawTable(events) {
  const body = document.querySelector('#events tbody');
  body.replaceChildren();
  for (const e of events) {
    const harmed = `${e.killed ?? '-'}/${e.injured ?? '-'}`;
    const actor = e.actor ? `${e.actor}${e.actor_status ? ` (${e.actor_status})` : ''}` : '';
    const row = el('tr', { dataset: { id: e.id }, tabindex: '0' },
      el('td', {}, e.date ? (e.date_max ? `${e.date}…${e.date_max}` : e.date) : 'undated'), el('td', {}, e.type),
      el('td', {}, e.country || ''), el('td', {}, e.location || ''), el('td', {}, e.weapons.join(', ')),
      el('td', {}, actor), el('td', {}, harmed), el('td', {}, e.confidence.toFixed(2)));
    row.addEventListener('click', () => openPanel(e.id));
    row.addEventListener('keydown', (k) => { if (k.key === 'Enter') openPanel(e.id); });
    body.append(row);
  }
}

// ---------- event panel ----------

const articles = new Map(); // id -> promise of /api/articles/{id}

// The article's bytes as read, with the evidence ranges (byte offsets into them) marked.
function highlighted(raw, ranges) {
  const bytes = new TextEncoder().encode(raw);
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

async function openPanel(id) {
  const panel = document.getElementById('panel');
  panel.hidden = false;
  panel.replaceChildren(el('p', {}, 'Loading…'));
  for (const row of document.querySelectorAll('#events tr.selected')) row.classList.remove('selected');
  document.querySelector(`#events tr[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  let event;
  try {
    event = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'error' }, error.message));
    return;
  }
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => { panel.hidden = true; });
  const fields = el('dl', { class: 'fields' });
  const add = (name, value) => fields.append(el('dt', {}, name), el('dd', {}, value ?? '—'));
  add('date', event.date ? (event.date_max ? `${event.date} to ${event.date_max}` : event.date) : null);
  add('type', event.type);
  add('place', [event.location, event.admin1, event.country].filter(Boolean).join(', ') + (event.place_precision ? ` (${event.place_precision})` : ''));
  add('coordinates', event.lat !== null ? `${event.lat.toFixed(4)}, ${event.lon.toFixed(4)}` : null);
  add('weapons', event.weapons.join(', '));
  add('actor', event.actor ? `${event.actor} (${event.actor_status})` : null);
  add('target', event.target);
  add('killed / injured', `${event.killed ?? 'not said'} / ${event.injured ?? 'not said'}`);
  add('confidence', event.confidence.toFixed(2));
  panel.replaceChildren(close, el('h2', {}, `${event.type} ${event.date || ''} ${event.location || ''}`), fields);

  const conflicts = Object.entries(event.conflicts || {});
  if (conflicts.length > 0) {
    const table = el('table', { class: 'conflicts' }, el('tr', {}, el('th', {}, 'field'), el('th', {}, 'value'), el('th', {}, 'sources')));
    for (const [field, values] of conflicts) {
      for (const v of values) table.append(el('tr', {}, el('td', {}, field), el('td', {}, JSON.stringify(v.value)), el('td', {}, v.sources.join(', '))));
    }
    panel.append(el('h3', {}, 'Where the sources disagree'), table);
  }
  panel.append(el('h3', {}, `${event.sources.length} source${event.sources.length === 1 ? '' : 's'}`));
  for (const source of event.sources) {
    const box = el('section', { class: 'source', dataset: { article: source.article } },
      el('h4', {}, source.article, source.published ? ` — ${source.published}` : ''));
    if (source.url) box.append(el('p', { class: 'url' }, source.url)); // shown, not linked: an untrusted address
    panel.append(box);
    if (!articles.has(source.article)) articles.set(source.article, api(`/api/articles/${encodeURIComponent(source.article)}`));
    try {
      const article = await articles.get(source.article);
      const text = highlighted(article.raw, source.evidence);
      box.append(text);
      text.querySelector('mark')?.scrollIntoView({ block: 'center' });
    } catch (error) {
      box.append(el('p', { class: 'error' }, error.message));
    }
  }
}

// ---------- putting it together ----------

let loaded = null; // the non-date filters state.events were fetched for (null: none yet)

async function refresh() {
  document.body.dataset.ready = 'false';
  writeUrl();
  syncForm();
  const keepOthers = (f) => !DATE_FILTERS.has(f);
  const key = query(state.filters, keepOthers).toString();
  const summary = document.getElementById('summary');
  try {
    if (key !== loaded) {
      const all = [];
      let cursor = null;
      do {
        const q = query(state.filters, keepOthers);
        q.set('limit', '10000');
        if (cursor) q.set('cursor', cursor);
        const page = await api(`/api/events?${q}`);
        all.push(...page.events);
        cursor = page.next_cursor;
      } while (cursor);
      state.events = all;
      loaded = key;
    }
  } catch (error) {
    summary.textContent = error.message;
    summary.classList.add('error');
    return;
  }
  summary.classList.remove('error');
  const shown = state.events.filter((e) => inDates(e, state.filters));
  drawMarkers(shown);
  drawTimeline(state.events);
  drawTable(shown);
  const located = shown.filter((e) => e.lat !== null).length;
  summary.textContent = `${shown.length} event${shown.length === 1 ? '' : 's'} (${located} on the map)`;
  document.body.dataset.ready = 'true';
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  refresh();
}

async function start() {
  readUrl();
  const form = document.getElementById('filters');
  for (const w of WEAPONS) form.elements.weapon.append(el('option', { value: w }, w.replace('_', ' ')));
  const [stats, tallies] = await Promise.all([api('/api/stats'), api('/api/tallies')]);
  state.countries = stats.by_country.map((c) => c.country).filter(Boolean);
  for (const c of state.countries) form.elements.country.append(el('option', { value: c }, COUNTRY_NAMES[c] || c));
  state.tallies = tallies.tallies
    .filter((t) => t.tally.what === 'attacks')
    .map((t) => ({ when: t.tally.as_of || t.published, count: t.tally.count, since: t.tally.since, country: t.tally.country,
      qualifier: t.tally.qualifier, held: t.salvo_events }));
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (FILTERS.includes(name)) setFilters({ [name]: event.target.value });
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('clear').addEventListener('click', () => setFilters(Object.fromEntries(FILTERS.map((f) => [f, '']))));
  window.addEventListener('resize', () => drawTimeline(state.events));
  await Promise.all([drawBorders(), drawBases(), refresh()]);
  document.body.dataset.loaded = 'true'; // borders and bases too: what the browser tests wait for
}

start().catch((error) => {
  const summary = document.getElementById('summary');
  // Libraries throw strings too ("Map has no maxZoom specified"): say what was thrown.
  summary.textContent = `The dashboard could not start: ${error?.message ?? error}`;
  summary.classList.add('error');
});
