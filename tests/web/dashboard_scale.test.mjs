// The dashboard on the stores the sample corpus does not make: thousands of located events (the
// map clusters its markers above 300) and events without a date only (no timeline to draw). Each
// must render its markers, the table and an event's panel, with no error on the page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, shots, startDashboard } from './dashboard_support.mjs';

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
  await page.screenshot({ path: join(shots, shot) });
  assert.deepEqual(problems, []);
  await page.close();
}

describe('3,000 generated articles', () => {
  let dashboard;
  before(async () => {
    dashboard = await startDashboard((dir) => {
      // bench/make-corpus from the seeds bundled in the repository: the same corpus on every machine.
      mkdirSync(join(dir, 'shared'));
      symlinkSync(join(root, 'examples/seeds'), join(dir, 'shared/seeds'));
      execFileSync('python3', [join(root, 'bench/make-corpus'), '3000', join(dir, 'corpus'), '--shared', join(dir, 'shared')]);
      return [join(dir, 'corpus')];
    });
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
