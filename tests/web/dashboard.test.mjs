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

let dashboard;
const api = (path) => dashboard.api(path);
const open = (query) => dashboard.open(query);

before(async () => {
  dashboard = await startDashboard((dir) => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus/hostile_article.txt'), HOSTILE);
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
  await page.waitForSelector('#panel mark');
  const marks = await page.locator('#panel mark').allTextContents();
  const evidence = first.sources.flatMap((s) => s.evidence.map((e) => e.text));
  assert.ok(marks.length >= 1);
  // Each mark is the sentence as written in the article; the evidence text is that sentence cleaned.
  const squeeze = (s) => s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  assert.ok(marks.some((m) => evidence.some((e) => squeeze(m).includes(squeeze(e).slice(0, 30)))), JSON.stringify({ marks, evidence }));
  assert.ok(await page.locator('#panel mark').first().isVisible());
  await page.screenshot({ path: join(shots, 'web-event.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an article with <script> and <img onerror> is shown as text and runs nothing', async () => {
  const { page, problems } = await open();
  const hostile = (await api('/api/events')).events.find((e) => e.sources.some((s) => s.article === 'hostile_article'));
  assert.ok(hostile, 'the hostile article gave an event');
  await page.click(`#events tr[data-id="${hostile.id}"]`);
  await page.waitForSelector('#panel pre.article');
  const shown = await page.locator('#panel pre.article').first().textContent();
  assert.ok(shown.includes("<script>window.__pwned = 'script';</script>"), shown);
  assert.ok(shown.includes('onerror='), shown);
  assert.equal(await page.locator('#panel script, #panel img').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.screenshot({ path: join(shots, 'web-hostile.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
