// The dashboard on the stores the sample corpus does not make: thousands of located events (the
// map clusters its markers above 300; legends, fitting, the date axis and its zoom, the paged
// table, filters, downloads, tallies and the event panel are checked there against the API) and
// events without a date only (no timeline to draw). Each must render its markers, the table and
// an event's panel, with no error on the page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, root, scrollBars, shots, startDashboard } from './dashboard_support.mjs';

// Markers, the table and the panel of the first event in it, on a loaded page.
async function expectMapTableAndPanel(dashboard, shot) {
  const { page, problems } = await dashboard.open();
  const stats = await dashboard.api('/api/stats');
  assert.ok((await page.locator('#map .event-marker, #map .marker-cluster').count()) > 0, 'no marker on the map');
  const rows = page.locator('#events tbody tr');
  assert.ok((await rows.count()) > 0, 'an empty table');
  assert.ok(stats.events > 0);
  await rows.first().click();
  await page.waitForSelector('#panel pre.article');
  await page.screenshot({ path: join(root, 'build', shot) }); // a check, not one of the README's
  assert.deepEqual(problems, []);
  await page.close();
}

// bench/make-corpus from the seeds bundled in the repository: the same corpus on every machine.
function largeCorpus(dir) {
  mkdirSync(join(dir, 'shared'));
  symlinkSync(join(root, 'examples/seeds'), join(dir, 'shared/seeds'));
  execFileSync('python3', [join(root, 'bench/make-corpus'), '3000', join(dir, 'corpus'), '--shared', join(dir, 'shared')]);
  return [join(dir, 'corpus')];
}

// Every event of a query string, page after page.
async function everyEvent(api, q) {
  const all = [];
  let cursor = null;
  do {
    const page = await api(`/api/events?limit=10000${q ? `&${q}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    all.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

// Issue 19's dashboard on the large store: every behaviour checked against what the API says.
describe('3,000 generated articles', () => {
  let dashboard;
  before(async () => {
    dashboard = await startDashboard(largeCorpus);
  });
  after(async () => dashboard?.stop());

  test('the map clusters its thousands of markers, and the table and a panel show', async () => {
    const { page, problems } = await dashboard.open();
    assert.ok(Number(await page.locator('#map').getAttribute('data-located')) > 300, 'not a store that clusters');
    assert.ok((await page.locator('#map .marker-cluster').count()) > 0, 'no cluster on the map');
    await page.close();
    assert.deepEqual(problems, []);
    await expectMapTableAndPanel(dashboard, 'web-large.png');
  });

  const api = (path) => dashboard.api(path);

  test('the page fits 1400×900 without a scroll bar, the panel open or not', async () => {
    const { page, problems } = await dashboard.open();
    assert.deepEqual(await scrollBars(page), { page: false, width: 1400, height: 900, table: false });
    await page.locator('#events tbody tr').first().click();
    await page.waitForSelector('#panel[data-ready="true"]');
    assert.deepEqual(await scrollBars(page), { page: false, width: 1400, height: 900, table: false });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the legends say what marker colour and size and each timeline mark mean', async () => {
    const { page, problems } = await dashboard.open();
    const legend = await page.locator('.map-legend').textContent();
    for (const w of ['rocket', 'drone', 'missile', 'mortar', 'ied', 'small arms', 'aircraft', 'unknown', 'Killed + injured', 'base', 'cluster']) {
      assert.ok(legend.includes(w), `${w} missing from ${legend}`);
    }
    // The sizes shown are the sizes markers take: bigger for more people harmed.
    const sizes = await page.locator('.map-legend [data-harmed] i').evaluateAll((is) => is.map((i) => i.getBoundingClientRect().width));
    assert.equal(sizes.length, 4);
    assert.ok(sizes.every((s, i) => i === 0 || s > sizes[i - 1]), JSON.stringify(sizes));
    // Every country of the bars is in the timeline's legend, and so are the lines.
    const barCountries = new Set(await page.locator('#timeline rect.bar').evaluateAll((rs) => rs.map((r) => r.dataset.country)));
    const timelineLegend = await page.locator('#timeline-legend').textContent();
    const names = { IQ: 'Iraq', SY: 'Syria', JO: 'Jordan' };
    for (const c of barCountries) assert.ok(timelineLegend.includes(names[c] || c), `${c} not in ${timelineLegend}`);
    assert.match(timelineLegend, /running total/);
    await page.screenshot({ path: join(shots, 'web-large-overview.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the map is fitted to the events shown', async () => {
    const { page, problems } = await dashboard.open();
    const bounds = async () => (await page.locator('#map').getAttribute('data-bounds')).split(',').map(Number);
    const inside = (events, [w, s, e, n]) => events.filter((v) => v.lat !== null).every((v) => v.lon >= w && v.lon <= e && v.lat >= s && v.lat <= n);
    const all = await everyEvent(api, '');
    const [w, s, e, n] = await bounds();
    assert.ok(inside(all, [w, s, e, n]), 'an event off the map');
    assert.ok(e - w < 60 && n - s < 40, `the map shows far more than the events: ${[w, s, e, n]}`);
    // The country whose events lie closest together: choosing it closes the map in on them.
    const spanOf = (events) => {
      const lons = events.filter((v) => v.lon !== null).map((v) => v.lon);
      return lons.length ? Math.max(...lons) - Math.min(...lons) : Infinity;
    };
    const countries = [...new Set(all.map((v) => v.country).filter(Boolean))];
    const country = countries.sort((a, b) => spanOf(all.filter((v) => v.country === a)) - spanOf(all.filter((v) => v.country === b)))[0];
    await page.selectOption('select[name=country]', country);
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('country') === c && document.body.dataset.ready === 'true', country);
    const chosen = await everyEvent(api, `country=${country}`);
    assert.ok(chosen.some((v) => v.lat !== null), `${country} has no located event`);
    const fitted = await bounds();
    assert.ok(inside(chosen, fitted));
    assert.ok((fitted[2] - fitted[0]) < (e - w), `the map did not close in on ${country}: ${fitted} against ${[w, s, e, n]}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the date axis has ticks, and brushing zooms the axis, the table and the map to the dates', async () => {
    const { page, problems } = await dashboard.open();
    const ticks = await page.locator('#timeline g.tick').evaluateAll((gs) => gs.map((g) => g.dataset.day));
    assert.ok(ticks.length >= 3, JSON.stringify(ticks));
    assert.deepEqual([...ticks].sort(), ticks);
    const box = await page.locator('#timeline svg').boundingBox();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('since') && document.body.dataset.ready === 'true');
    const q = new URL(page.url()).searchParams;
    const [since, until] = [q.get('since'), q.get('until')];
    assert.ok(since < until);
    // The axis now spans the brushed days, its ticks inside them; the bars too.
    assert.equal(await page.locator('#timeline svg').getAttribute('data-first'), since);
    assert.equal(await page.locator('#timeline svg').getAttribute('data-last'), until);
    const zoomed = await page.locator('#timeline g.tick').evaluateAll((gs) => gs.map((g) => g.dataset.day));
    assert.ok(zoomed.length >= 2 && zoomed.every((d) => d >= since && d <= until), JSON.stringify(zoomed));
    const days = await page.locator('#timeline rect.bar').evaluateAll((rs) => rs.map((r) => r.dataset.day));
    assert.ok(days.every((d) => d >= since && d <= until));
    const inDates = await everyEvent(api, `since=${since}&until=${until}`);
    assert.match(await page.locator('#page-status').textContent(), new RegExp(` of ${inDates.length} `));
    assert.equal(Number(await page.locator('#map').getAttribute('data-located')), inDates.filter((e) => e.lat !== null).length);
    await page.screenshot({ path: join(shots, 'web-large-zoomed.png') });
    // Double-click (or "whole range") zooms out.
    await page.click('#timeline-legend .zoom-out');
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('since') && document.body.dataset.ready === 'true');
    assert.deepEqual(await page.locator('#timeline g.tick').evaluateAll((gs) => gs.map((g) => g.dataset.day)), ticks);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('with a date filter, the undated events not shown are counted', async () => {
    const { page, problems } = await dashboard.open('?since=2021-01-01&until=2023-12-31');
    const all = await everyEvent(api, '');
    const undated = all.filter((e) => e.date === null).length;
    assert.ok(undated > 0, 'the store has no undated event');
    const shown = await everyEvent(api, 'since=2021-01-01&until=2023-12-31');
    assert.equal(await page.locator('#summary').textContent(),
      `${shown.length} events (${shown.filter((e) => e.lat !== null).length} on the map); ${undated} undated event${undated === 1 ? '' : 's'} not shown`);
    const plain = await dashboard.open();
    assert.doesNotMatch(await plain.page.locator('#summary').textContent(), /undated/);
    assert.deepEqual([...problems, ...plain.problems], []);
    await plain.page.close();
    await page.close();
  });

  test('the table sorts by any column, pages, and counts each event\'s sources', async () => {
    const { page, problems } = await dashboard.open();
    const all = await everyEvent(api, '');
    const status = await page.locator('#page-status').textContent();
    const rowsPerPage = await page.locator('#events tbody tr').count();
    assert.ok(rowsPerPage >= 10 && rowsPerPage < all.length);
    assert.equal(status, `1–${rowsPerPage} of ${all.length} (page 1 of ${Math.ceil(all.length / rowsPerPage)})`);
    // By confidence, twice: highest first.
    const confidence = page.locator('#events th[data-sort=confidence]');
    await confidence.click();
    await confidence.click();
    assert.equal(await confidence.getAttribute('aria-sort'), 'descending');
    const shownConfidence = (await page.locator('#events tbody tr td:nth-child(8)').allTextContents()).map(Number);
    const highest = all.map((e) => e.confidence).sort((a, b) => b - a).slice(0, rowsPerPage).map((c) => Number(c.toFixed(2)));
    assert.deepEqual(shownConfidence, highest);
    // By sources: the column is the number of sources, the most first after two clicks.
    const sources = page.locator('#events th[data-sort=sources]');
    await sources.click();
    await sources.click();
    const byId = new Map(all.map((e) => [e.id, e]));
    const rows = await page.locator('#events tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.id, Number(tr.lastChild.textContent)]));
    for (const [id, n] of rows) assert.equal(n, byId.get(id).sources.length);
    // Its tooltip names each source: outlet and title (the article id when it has none).
    const tip = await page.locator('#events tbody tr').first().locator('td').last().getAttribute('title');
    const named = (src) => [src.outlet, src.title || src.article].filter(Boolean).join(': ');
    assert.deepEqual(tip.split('\n'), byId.get(rows[0][0]).sources.map(named));
    assert.equal(rows[0][1], Math.max(...all.map((e) => e.sources.length)));
    // The next page holds the next rows, none of the first.
    const first = new Set(rows.map(([id]) => id));
    await page.click('#next');
    const second = await page.locator('#events tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
    assert.equal(second.length, rowsPerPage);
    assert.ok(second.every((id) => !first.has(id)));
    assert.match(await page.locator('#page-status').textContent(), /^\d+–\d+ of \d+ \(page 2 of/);
    await page.click('#previous');
    assert.match(await page.locator('#page-status').textContent(), /page 1 of/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the type filter shows attacks, strikes or interceptions, as the API has them', async () => {
    const { page, problems } = await dashboard.open();
    const stats = await api('/api/stats');
    assert.ok(stats.by_type.length >= 2, JSON.stringify(stats.by_type));
    for (const { type, events } of stats.by_type) {
      await page.selectOption('select[name=type]', type);
      await page.waitForFunction((t) => new URL(location.href).searchParams.get('type') === t && document.body.dataset.ready === 'true', type);
      assert.match(await page.locator('#summary').textContent(), new RegExp(`^${events} event`));
      const types = await page.locator('#events tbody tr td:nth-child(2)').allTextContents();
      assert.ok(types.length > 0 && types.every((t) => t === type), `${type}: ${types}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('"download this view" gives the CSV and the GeoJSON of what the filters show', async () => {
    const { page, problems } = await dashboard.open('?country=SY&since=2020-01-01&until=2024-12-31');
    const shown = await everyEvent(api, 'country=SY&since=2020-01-01&until=2024-12-31');
    assert.ok(shown.length > 0);
    const download = async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return readFileSync(await file.path(), 'utf8');
    };
    // The CSV is `salvo events --format csv` of the same filters (the API's test checks that), one
    // row per event shown.
    const csv = await download('#download-csv');
    assert.equal(csv, await dashboard.text('/api/events.csv?country=SY&since=2020-01-01&until=2024-12-31'));
    const rows = parseCsv(csv);
    assert.equal(rows.length, 1 + shown.length);
    assert.ok(rows.every((r) => r.length === rows[0].length));
    assert.ok(csv.length < (await dashboard.text('/api/events.csv')).length, 'the CSV of the view is that of the whole store');
    const geojson = JSON.parse(await download('#download-geojson'));
    assert.equal(geojson.type, 'FeatureCollection');
    assert.deepEqual(geojson.features.map((f) => f.properties.id).sort(), shown.map((e) => e.id).sort());
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('words searched go to the API: the view is its answer to q', async () => {
    const { page, problems } = await dashboard.open();
    await page.fill('input[name=q]', 'drone');
    await page.press('input[name=q]', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'drone' && document.body.dataset.ready === 'true');
    const found = await everyEvent(api, 'q=drone');
    const all = await everyEvent(api, '');
    assert.ok(found.length > 0 && found.length < all.length, `${found.length} of ${all.length}`);
    assert.match(await page.locator('#summary').textContent(), new RegExp(`^${found.length} events? `));
    const ids = new Set(found.map((e) => e.id));
    const rows = await page.locator('#events tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
    assert.ok(rows.length > 0 && rows.every((id) => ids.has(id)));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a bad filter typed in shows the API\'s error, not 0 events', async () => {
    const { page, problems } = await dashboard.open();
    await page.fill('input[name=since]', '2024-02-30');
    await page.press('input[name=since]', 'Enter');
    await page.locator('input[name=since]').blur();
    await page.waitForSelector('#summary.error');
    const expected = (await api('/api/events?since=2024-02-30')).error;
    assert.ok(expected);
    assert.equal(await page.locator('#summary').textContent(), expected);
    await page.fill('input[name=since]', '');
    await page.fill('input[name=min_confidence]', '2');
    await page.locator('input[name=min_confidence]').blur();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('min_confidence') === '2' && document.body.dataset.ready === 'true');
    assert.equal(await page.locator('#summary').textContent(), (await api('/api/events?min_confidence=2')).error);
    // The browser logs each refused request; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !p.includes('status of 400 (Bad Request)')), []);
    assert.ok(problems.length >= 2);
    await page.close();
  });

  test('each official tally is plotted against the events held in its own window, one line per scope', async () => {
    const { page, problems } = await dashboard.open();
    const tallies = (await api('/api/tallies')).tallies.filter((t) => t.tally.what === 'attacks' && (t.tally.as_of || t.published));
    assert.ok(tallies.length > 1, 'no dated tally in the store');
    const scope = (t) => `${t.tally.country || 'all'}|${t.tally.since || ''}`;
    const dots = await page.locator('#timeline circle.tally').evaluateAll((cs) => cs.map((c) => [c.dataset.scope, Number(c.dataset.count), c.dataset.held]));
    assert.deepEqual(dots.map((d) => `${d[0]} ${d[1]} ${d[2]}`).sort(),
      tallies.map((t) => `${scope(t)} ${t.tally.count} ${t.salvo_holds ?? ''}`).sort());
    // The held squares: what Salvo holds for each tally's window and country, and each window drawn.
    const held = await page.locator('#timeline rect.held').evaluateAll((rs) => rs.map((r) => `${r.dataset.scope} ${r.dataset.held}`));
    const holding = tallies.filter((t) => t.salvo_holds !== null);
    assert.ok(holding.length > 0, 'no tally with a count held');
    assert.deepEqual(held.sort(), holding.map((t) => `${scope(t)} ${t.salvo_holds}`).sort());
    const windows = await page.locator('#timeline line.held-window').evaluateAll((ls) => ls.map((l) => `${l.dataset.scope} ${l.dataset.since} ${l.dataset.until}`));
    assert.deepEqual(windows.sort(), holding.filter((t) => t.salvo_window).map((t) => `${scope(t)} ${t.salvo_window.since} ${t.salvo_window.until}`).sort());
    // A line joins the tallies of one scope only, all of them.
    const lines = await page.locator('#timeline polyline.tally-line').evaluateAll((ls) => ls.map((l) => [l.dataset.scope, Number(l.dataset.points)]));
    const perScope = new Map();
    for (const t of tallies) perScope.set(scope(t), (perScope.get(scope(t)) || 0) + 1);
    assert.deepEqual(lines.sort(), [...perScope].filter(([, n]) => n > 1).sort());
    // With a country chosen, only that country's tallies.
    await page.selectOption('select[name=country]', 'IQ');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'IQ' && document.body.dataset.ready === 'true');
    const iraq = await page.locator('#timeline circle.tally').evaluateAll((cs) => cs.map((c) => c.dataset.scope));
    assert.ok(iraq.every((s) => s.startsWith('IQ|')), JSON.stringify(iraq));
    await page.screenshot({ path: join(shots, 'web-large-tallies.png') });
    const iraqTallies = (await api('/api/tallies?country=IQ')).tallies.filter((t) => t.tally.what === 'attacks' && (t.tally.as_of || t.published));
    assert.equal(iraq.length, iraqTallies.length);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the event panel opens at its fields, with the clean text and its evidence marked, and a permalink', async () => {
    const all = await everyEvent(api, '');
    // An event of several sources, one an HTML page: its panel shows the text a reader reads, not
    // the page's markup.
    const isHtml = (source) => /\.html?$/.test(source.source || '');
    let event = null;
    // A few sources that agree first: the screenshot then shows the text, not a table of conflicts.
    const agreeing = (v) => v.sources.length <= 3 && Object.keys(v.conflicts || {}).length === 0;
    const several = all.filter((v) => v.sources.length > 1);
    for (const e of [...several.filter(agreeing), ...several.filter((v) => !agreeing(v))]) {
      if ((await api(`/api/events/${e.id}`)).sources.some(isHtml)) {
        event = e;
        break;
      }
    }
    assert.ok(event, 'no event of several sources with an HTML page among them');
    const { page, problems } = await dashboard.open(`#event=${event.id}`);
    await page.waitForSelector('#panel[data-ready="true"]');
    assert.equal(await page.locator('#panel').evaluate((p) => p.scrollTop), 0);
    assert.ok(await page.locator('#panel dl.fields').isVisible());
    const panelText = await page.locator('#panel dl.fields').textContent();
    assert.ok(panelText.includes(event.id), panelText);
    const detail = await api(`/api/events/${event.id}`);
    assert.equal(await page.locator('#panel section.source').count(), detail.sources.length);
    for (const [i, source] of detail.sources.entries()) {
      const box = page.locator('#panel section.source').nth(i);
      const article = await api(`/api/articles/${encodeURIComponent(source.article)}`);
      assert.equal(await box.locator('pre.article').textContent(), article.clean);
      if (isHtml(source)) assert.ok(/<p[ >]/.test(article.raw) && !/<p[ >]/.test(article.clean), `${source.article}: not a page cleaned`);
      const bytes = Buffer.from(article.clean);
      // Each evidence sentence marked where the clean text has it (the marks in the text's order).
      const ranges = source.evidence.map((ev) => article.clean_evidence.find((c) => c.raw_start === ev.start && c.raw_end === ev.end));
      assert.deepEqual(ranges.map((c) => bytes.subarray(c.start, c.end).toString()), source.evidence.map((ev) => ev.text));
      const wanted = ranges.sort((a, b) => a.start - b.start).map((c) => bytes.subarray(c.start, c.end).toString());
      assert.deepEqual(await box.locator('mark').allTextContents(), wanted);
      assert.equal(await box.locator('h4').textContent(), source.title || source.article);
      if (source.url && /^https?:/.test(source.url)) {
        const link = box.locator('a.url');
        assert.equal(await link.getAttribute('href'), new URL(source.url).href);
        assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
        assert.equal(await link.getAttribute('target'), '_blank');
      }
    }
    // The evidence is in view within its text.
    assert.ok(await page.locator('#panel mark').first().isVisible());
    await page.screenshot({ path: join(shots, 'web-large-event.png') });
    // The permalink is this panel's address.
    const href = await page.locator('#panel a.permalink').getAttribute('href');
    assert.ok(href.endsWith(`#event=${event.id}`));
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('undated events only', () => {
  let dashboard;
  before(async () => {
    dashboard = await startDashboard((dir) => {
      mkdirSync(join(dir, 'corpus'));
      // No date header, no day named: the events have no date.
      writeFileSync(join(dir, 'corpus/undated_asad.txt'), 'Rockets struck Ain al-Asad air base in western Iraq, a US official said, causing no injuries.\n');
      writeFileSync(join(dir, 'corpus/undated_tanf.txt'), 'Drones attacked US forces at the al-Tanf garrison in Syria, the Pentagon said.\n');
      return [join(dir, 'corpus')];
    });
  });
  after(async () => dashboard?.stop());

  test('markers, the table and a panel show, and the timeline says it has nothing dated', async () => {
    const events = (await dashboard.api('/api/events')).events;
    assert.ok(events.length >= 2);
    assert.ok(events.every((e) => e.date === null), JSON.stringify(events.map((e) => e.date)));
    const { page, problems } = await dashboard.open();
    assert.equal(await page.locator('#map .event-marker').count(), events.filter((e) => e.lat !== null).length);
    assert.match(await page.locator('#timeline').textContent(), /No dated events/);
    await page.close();
    assert.deepEqual(problems, []);
    await expectMapTableAndPanel(dashboard, 'web-undated.png');
  });
});
