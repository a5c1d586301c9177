// The events of a view as CSV (RFC 4180): a field holding a comma, a quote, CR or LF is quoted,
// its quotes doubled; lines end with CRLF. A text field that a spreadsheet would run as a formula
// (it starts with = + - @, a tab or CR: article text is untrusted) gets a leading ' so it is read
// as text. Numbers are written as numbers: -3.5 is a longitude, not a formula.

export const CSV_COLUMNS = ['id', 'date', 'date_max', 'type', 'country', 'admin1', 'location', 'lat', 'lon', 'place_precision',
  'weapons', 'actor', 'actor_status', 'target', 'killed', 'injured', 'confidence', 'sources'];

export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvValue(event, column) {
  if (column === 'weapons') return event.weapons.join(' ');
  if (column === 'sources') return event.sources.map((s) => s.article).join(' ');
  return event[column];
}

export function eventsCsv(events) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) lines.push(CSV_COLUMNS.map((c) => csvField(csvValue(e, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
