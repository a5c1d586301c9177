// What the browser tests share: `salvo serve` on a store of their own, and a page of the dashboard
// loaded in headless chromium with every dialog, page error and console error recorded.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(join(root, 'web/package.json'))('playwright-core');
export const salvo = join(root, 'build/salvo');
// Screenshots: build/ by default; `make screenshots` sets SALVO_SCREENSHOTS=docs/screenshots.
export const shots = process.env.SALVO_SCREENSHOTS ? resolve(process.env.SALVO_SCREENSHOTS) : join(root, 'build');
mkdirSync(shots, { recursive: true });
const browserPath = process.env.SALVO_CHROMIUM || '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A scratch folder; `fill(dir)` writes the articles and returns the paths to ingest. Then
// `salvo serve` on their store, and a browser.
export async function startDashboard(fill) {
  assert.ok(existsSync(join(root, 'web/dist/index.html')), 'web/dist is missing: run make web');
  const dir = mkdtempSync(join(tmpdir(), 'salvo-web-'));
  const inputs = fill(dir);
  execFileSync(salvo, ['ingest', '-q', '-j', '2', '--db', join(dir, 'store.db'), ...inputs]);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(salvo, ['serve', '--db', join(dir, 'store.db'), '--port', String(port), '--web', join(root, 'web/dist')], { stdio: 'ignore' });
  for (let i = 0; i < 100; ++i) {
    try {
      if ((await fetch(base + '/api/stats')).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  return {
    dir,
    async api(path) {
      return (await fetch(base + path)).json();
    },
    async text(path) {
      return (await fetch(base + path)).text();
    },
    // A page of the dashboard at `query`, loaded; `problems` collects what went wrong on it.
    async open(query = '') {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const problems = [];
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      await page.goto(`${base}/${query}`);
      // Loaded, or the message of a start that failed (rather than a 30 s timeout saying nothing).
      const loaded = page.waitForSelector('body[data-loaded="true"][data-ready="true"]').then(() => null);
      const failed = page.waitForSelector('#summary.error').then(() => page.locator('#summary').textContent());
      loaded.catch(() => {});
      failed.catch(() => {});
      const failure = await Promise.race([loaded, failed]);
      assert.equal(failure, null, 'the dashboard did not start');
      return { page, problems };
    },
    async stop() {
      await browser.close();
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A CSV text (RFC 4180) as rows of fields: how the tests read the dashboard's downloads.
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += '"', ++i;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), field = '';
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), row = [], field = '', ++i;
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

// Whether the page, and the table's box, fit the viewport without a scroll bar.
export async function scrollBars(page) {
  return page.evaluate(() => {
    const d = document.documentElement, wrap = document.getElementById('table-wrap');
    return { page: d.scrollWidth > innerWidth || d.scrollHeight > innerHeight, width: d.scrollWidth, height: d.scrollHeight,
      table: wrap.scrollHeight > wrap.clientHeight || wrap.scrollWidth > wrap.clientWidth };
  });
}
