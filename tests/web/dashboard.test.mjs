// The dashboard in a real browser: Debian's chromium, headless, driven by playwright-core, against
// `salvo serve` on a store of the sample corpus plus one hostile article. Run by `make test`
// (`make test-web`); screenshots go to build/web-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(join(root, 'web/package.json'))('playwright-core');
const salvo = join(root, 'build/salvo');
const shots = join(root, 'build');
const browserPath = process.env.SALVO_CHROMIUM || '/usr/bin/chromium';

// An article that tries to run code: as text on the page, it must run nothing.
const HOSTILE = ` date 2024-02-02 
<script>window.__pwned = 'script';</script>
Rockets struck the Ain al-Asad air base in western Iraq on Thursday, a US official said, and no one was hurt. <img src=x onerror="window.__pwned = 'img'">
`;

let dir, server, browser, base;

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function api(path) {
  const response = await fetch(base + path);
  return response.json();
}

before(async () => {
  assert.ok(existsSync(join(root, 'web/dist/index.html')), 'web/dist is missing: run make web');
  dir = mkdtempSync(join(tmpdir(), 'salvo-web-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus/hostile_article.txt'), HOSTILE);
  execFileSync(salvo, ['ingest', '-q', '--db', join(dir, 'demo.db'), join(root, 'examples/seeds'), join(dir, 'corpus')]);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(salvo, ['serve', '--db', join(dir, 'demo.db'), '--port', String(port), '--web', join(root, 'web/dist')], { stdio: 'ignore' });
  for (let i = 0; i < 100; ++i) {
    try {
      if ((await fetch(base + '/api/stats')).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A page of the dashboard at `query`, loaded, with every dialog and page error recorded.
async function open(query = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('body[data-loaded="true"][data-ready="true"]');
  return { page, problems };
}

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
