// The dashboard in a real browser: Debian's chromium, headless, driven by playwright-core, against
// `salvo serve` on a store of the sample corpus plus one hostile article. Run by `make test`
// (`make test-web`); screenshots go to build/web-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, shots, startDashboard } from './dashboard_support.mjs';

// An article that tries to run code: as text on the page, it must run nothing.
const HOSTILE = ` date 2024-02-02 
<script>window.__pwned = 'script';</script>
Rockets struck the Ain al-Asad air base in western Iraq on Thursday, a US official said, and no one was hurt. <img src=x onerror="window.__pwned = 'img'">
`;

// A feed's records: a title holding markup and a javascript: address (shown as text, never run),
// and an http(s) address (a link that does not tell the site where it was followed from).
const FEED = [
  { id: 'hostile_feed', url: "javascript:window.__pwned='url'", title: `<img src=x onerror="window.__pwned='title'">Rockets at Asad`,
    published: '2024-03-09', text: 'Rockets struck the Ain al-Asad air base in western Iraq on Friday, a US official said.' },
  { id: 'linked_feed', url: 'https://example.org/news/tanf?a=1&b=2', title: 'Drones hit al-Tanf', published: '2024-03-11',
    text: 'Drones attacked US forces at the al-Tanf garrison in Syria on Sunday, the Pentagon said.' },
];

let dashboard;
const api = (path) => dashboard.api(path);
const open = (query) => dashboard.open(query);

before(async () => {
  dashboard = await startDashboard((dir) => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus/hostile_article.txt'), HOSTILE);
    writeFileSync(join(dir, 'corpus/feed.jsonl'), FEED.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return [join(root, 'examples/seeds'), join(dir, 'corpus')];
  });
});

after(async () => {
  await dashboard?.stop();
});

test('the map shows one marker per located event', async () => {
  const { page, problems } = await open();
  const events = (await api('/api/events')).events;
  const located = events.filter((e) => e.lat !== null);
  assert.ok(located.length > 5);
  assert.equal(await page.locator('#map .event-marker').count(), located.length);
  const ids = await page.locator('#map .event-marker').evaluateAll((ms) => ms.map((m) => m.dataset.id).sort());
  assert.deepEqual(ids, located.map((e) => e.id).sort());
  assert.equal(await page.locator('#events tbody tr').count(), events.length);
  assert.ok((await page.locator('#map path').count()) > 100, 'country borders are drawn');
  await page.screenshot({ path: join(shots, 'web-overview.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a country filter changes map, timeline and table alike, and the URL', async () => {
  const { page, problems } = await open();
  await page.selectOption('select[name=country]', 'SY');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'SY' && document.body.dataset.ready === 'true');
  const syria = (await api('/api/events?country=SY')).events;
  const rows = await page.locator('#events tbody tr td:nth-child(3)').allTextContents();
  assert.equal(rows.length, syria.length);
  assert.ok(rows.every((cc) => cc === 'SY'));
  assert.equal(await page.locator('#map .event-marker').count(), syria.filter((e) => e.lat !== null).length);
  const bars = await page.locator('#timeline rect.bar').evaluateAll((rs) => rs.map((r) => [r.dataset.country, Number(r.dataset.n)]));
  assert.ok(bars.every(([cc]) => cc === 'SY'));
  assert.equal(bars.reduce((sum, [, n]) => sum + n, 0), syria.filter((e) => e.date).length);
  await page.screenshot({ path: join(shots, 'web-syria.png') });
  // The URL alone gives the same view.
  const shared = await open('?country=SY');
  assert.equal(await shared.page.locator('#events tbody tr').count(), syria.length);
  assert.deepEqual([...problems, ...shared.problems], []);
  await shared.page.close();
  await page.close();
});

test('clicking an event shows its evidence highlighted in the article', async () => {
  const { page, problems } = await open('?country=SY');
  const first = (await api('/api/events?country=SY&limit=1')).events[0];
  await page.click(`#events tr[data-id="${first.id}"]`);
  await page.waitForSelector('#panel[data-ready="true"] mark');
  const marks = await page.locator('#panel mark').allTextContents();
  const evidence = first.sources.flatMap((s) => s.evidence.map((e) => e.text));
  assert.ok(marks.length >= 1);
  // The text shown is the clean text: each mark is an evidence sentence, as the record has it.
  assert.ok(marks.every((m) => evidence.includes(m)), JSON.stringify({ marks, evidence }));
  assert.ok(await page.locator('#panel mark').first().isVisible());
  await page.screenshot({ path: join(shots, 'web-event.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an article with <script> and <img onerror> is shown as its clean text and runs nothing', async () => {
  const { page, problems } = await open();
  const hostile = (await api('/api/events')).events.find((e) => e.sources.some((s) => s.article === 'hostile_article'));
  assert.ok(hostile, 'the hostile article gave an event');
  await page.click(`#events tr[data-id="${hostile.id}"]`);
  await page.waitForSelector('#panel[data-ready="true"]');
  const box = page.locator('#panel section.source[data-article="hostile_article"]');
  const article = await api('/api/articles/hostile_article');
  assert.equal(await box.locator('pre.article').textContent(), article.clean);
  assert.ok(!article.clean.includes('<img'), 'the clean text still holds the tag');
  assert.match(await box.locator('mark').first().textContent(), /^Rockets struck the Ain al-Asad air base/);
  assert.equal(await page.locator('#panel script, #panel img').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.screenshot({ path: join(shots, 'web-hostile.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

// The event a feed record gave, and the panel of it.
async function panelOf(article, query = '') {
  const event = (await api('/api/events')).events.find((e) => e.sources.some((s) => s.article === article));
  assert.ok(event, `no event from ${article}`);
  const { page, problems } = await open(query);
  await page.evaluate((id) => { location.hash = `event=${id}`; }, event.id);
  await page.waitForSelector(`#panel[data-ready="true"] section.source[data-article="${article}"]`);
  return { page, problems, event, box: page.locator(`#panel section.source[data-article="${article}"]`) };
}

test('a source shows its title as text, and a javascript: address is not a link', async () => {
  const { page, problems, box } = await panelOf('hostile_feed');
  assert.equal(await box.locator('h4').textContent(), FEED[0].title);
  assert.equal(await box.locator('a').count(), 0);
  assert.equal(await box.locator('span.url').textContent(), FEED[0].url);
  assert.equal(await page.locator('#panel img').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an http(s) source is a link opened apart, and the panel shows the event id and its permalink', async () => {
  const { page, problems, event, box } = await panelOf('linked_feed', '?country=SY');
  assert.equal(await box.locator('h4').textContent(), FEED[1].title);
  assert.match(await box.locator('.byline').textContent(), /2024-03-11/);
  const link = box.locator('a.url');
  assert.equal(await link.getAttribute('href'), FEED[1].url);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.locator('#panel dl.fields').textContent(), new RegExp(event.id));
  const permalink = await page.locator('#panel a.permalink').getAttribute('href');
  assert.equal(permalink, `/?country=SY#event=${event.id}`);
  await page.close();
  // The permalink, loaded, opens the same panel (and keeps the filters).
  const shared = await open(permalink.slice(1));
  await shared.page.waitForSelector(`#panel[data-ready="true"] section.source[data-article="linked_feed"]`);
  assert.equal(await shared.page.locator('#panel h2').textContent(), `${event.type} ${event.date || ''} ${event.location || ''}`);
  assert.equal(new URL(shared.page.url()).searchParams.get('country'), 'SY');
  // Closing it leaves the address of the view, without the event.
  await shared.page.click('#panel .close');
  assert.equal(new URL(shared.page.url()).hash, '');
  assert.deepEqual([...problems, ...shared.problems], []);
  await shared.page.close();
});

// Fields the API is gaining (the outlet of a source, the words a place was written in): shown
// when an answer carries them, here added to the API's own answer.
test('an outlet and a place written otherwise than its canonical name are shown when present', async () => {
  const event = (await api('/api/events')).events.find((e) => e.sources.some((s) => s.article === 'linked_feed'));
  const { page, problems } = await open();
  await page.route(`**/api/events/${event.id}`, async (route) => {
    const body = await (await route.fetch()).json();
    body.location_text = 'the Tanf garrison';
    body.place_id = 'test_place';
    for (const s of body.sources) s.outlet = 'Example News';
    await route.fulfill({ json: body });
  });
  await page.evaluate((id) => { location.hash = `event=${id}`; }, event.id);
  await page.waitForSelector('#panel[data-ready="true"]');
  const fields = await page.locator('#panel dl.fields').textContent();
  assert.match(fields, /as writtenthe Tanf garrison/);
  assert.match(await page.locator('#panel section.source .byline').first().textContent(), /^Example News, /);
  assert.deepEqual(problems, []);
  await page.close();
});
