// The CSV of "download this view": RFC 4180 quoting, and no field a spreadsheet would run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, eventsCsv, CSV_COLUMNS } from '../../web/src/csv.js';
import { parseCsv } from './dashboard_support.mjs';

test('fields holding a comma, a quote or a line break are quoted, quotes doubled', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
});

test('a text field starting with = + - @ tab or CR gets a leading quote; numbers stay numbers', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-2+3'), "'-2+3");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\tcmd'), "'\tcmd");
  assert.equal(csvField('\rcmd'), '"\'\rcmd"');
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField(-3.5), '-3.5');
  assert.equal(csvField(0.95), '0.95');
});

test('the events read back field for field, one CRLF line each', () => {
  const events = [
    { id: 'ev_1', date: '2024-01-02', date_max: null, type: 'attack', country: 'IQ', admin1: 'Anbar', location: 'Ain al-Asad, "the base"',
      lat: 33.8, lon: 42.4, place_precision: 'site', weapons: ['rocket', 'drone'], actor: '=cmd|calc', actor_status: 'claimed',
      target: 'base\nhangar', killed: 0, injured: null, confidence: 0.9, sources: [{ article: 'a1' }, { article: 'a2' }] },
  ];
  const text = eventsCsv(events);
  assert.ok(text.endsWith('\r\n'));
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], CSV_COLUMNS);
  assert.equal(rows.length, 2);
  const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
  assert.equal(row.location, 'Ain al-Asad, "the base"');
  assert.equal(row.actor, "'=cmd|calc");
  assert.equal(row.target, 'base\nhangar');
  assert.equal(row.weapons, 'rocket drone');
  assert.equal(row.sources, 'a1 a2');
  assert.equal(row.injured, '');
  assert.equal(row.lon, '42.4');
});
