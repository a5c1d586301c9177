// Resolves the gold events' date windows with chrono-node, picks one date per case for Salvo and
// for chrono with the same rule, and prints both accuracies.
//
//   node compare.js cases.json        (cases.json from salvo_dates; run with TZ=UTC)
//
// The rule, for both systems alike: windows are tried in order (quote, sentence, previous,
// earlier); in the first window where the system names a day, the first day-naming expression
// not attached to a reporting verb ("on Monday said", "confirmed on Tuesday": the day of the
// saying, not of the event) is taken, else the first day-naming one. Datelines (a written year
// and the publication day) never count. A quote that names no day but a year or a month ("The
// 2020 U.S. drone strike") bounds the day: in the windows after it only a day inside that period
// counts. A case is right when that day lies inside the gold day or range (a range's first day
// for a predicted range).
'use strict';

const fs = require('fs');
const chrono = require('chrono-node');

const REPORTING = new Set(['said', 'says', 'say', 'told', 'announced', 'confirmed', 'reported',
  'added', 'stated', 'tweeted', 'issued', 'statement', 'warned', 'noted']);

function words(text) {
  return text.toLowerCase().match(/[a-z]+/g) || [];
}

function nextToReportingVerb(text, begin, end) {
  const before = words(text.slice(Math.max(0, begin - 40), begin)).filter((w) => w !== 'on');
  const after = words(text.slice(end, end + 20));
  return before.slice(-2).some((w) => REPORTING.has(w)) || (after.length > 0 && REPORTING.has(after[0]));
}

function isDateline(expressionText, day, published) {
  return /\b(19|20)\d\d\b/.test(expressionText) && day === published;
}

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Expressions that name a day, as {begin, end, text, day}.
function salvoDays(window) {
  return window.salvo.filter((e) => e.names_a_day)
    .map((e) => ({ begin: e.begin, end: e.end, text: e.text, day: e.value }));
}

// Periods coarser than a day (a year, a month) as {first, last} ISO days.
function salvoPeriods(window) {
  return window.salvo.filter((e) => !e.since && e.value && e.value_max && (e.precision === 'year' || e.precision === 'month'))
    .map((e) => ({ first: e.value, last: e.value_max }));
}

function chronoPeriods(window, published) {
  const reference = published ? new Date(`${published}T12:00:00Z`) : new Date();
  return chrono.parse(window.text, reference)
    .filter((r) => !r.start.isCertain('day') && !r.start.isCertain('weekday') && r.start.isCertain('year'))
    .map((r) => {
      const year = r.start.get('year');
      if (!r.start.isCertain('month')) return { first: `${year}-01-01`, last: `${year}-12-31` };
      const month = String(r.start.get('month')).padStart(2, '0');
      const last = new Date(Date.UTC(year, r.start.get('month'), 0)).getUTCDate();
      return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(last).padStart(2, '0')}` };
    });
}

function chronoDays(window, published) {
  const reference = published ? new Date(`${published}T12:00:00Z`) : new Date();
  return chrono.parse(window.text, reference)
    .filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))
    .map((r) => ({ begin: r.index, end: r.index + r.text.length, text: r.text, day: isoDay(r.start.date()) }));
}

function pick(c, daysOf, periodsOf) {
  let bound = null;  // the quote's year or month, when it names no day
  for (const window of c.windows) {
    const days = daysOf(window).filter((d) => !isDateline(d.text, d.day, c.published))
      .filter((d) => !bound || (d.day >= bound.first && d.day <= bound.last));
    if (days.length === 0) {
      if (window === c.windows[0]) bound = periodsOf(window)[0] || null;
      continue;
    }
    const plain = days.find((d) => !nextToReportingVerb(window.text, d.begin, d.end));
    return { ...(plain || days[0]), window: window.name };
  }
  return null;
}

function inside(day, c) {
  return day !== null && day >= c.gold_date && day <= (c.gold_date_max || c.gold_date);
}

function chronoVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('chrono-node').replace(/dist\/.*$/, 'package.json'), 'utf8')).version;
}

function main() {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const groups = new Map();
  for (const c of cases) {
    const group = `${c.set}${c.published ? '' : ' (no publication date)'}`;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(c);
  }
  const systems = [
    ['salvo', (c) => pick(c, salvoDays, salvoPeriods)],
    ['chrono-node', (c) => pick(c, (w) => chronoDays(w, c.published), (w) => chronoPeriods(w, c.published))],
  ];
  const wrong = { salvo: [], 'chrono-node': [] };
  const lines = [];
  for (const [group, list] of groups) {
    const scores = systems.map(([name, run]) => {
      let right = 0;
      for (const c of list) {
        const picked = c.windows ? run(c) : null;
        if (inside(picked && picked.day, c)) right += 1;
        else wrong[name].push({ c, picked });
      }
      return `${name} ${right}/${list.length} = ${(100 * right / list.length).toFixed(1)}%`;
    });
    lines.push(`${group.padEnd(32)} ${scores.join('   ')}`);
  }
  console.log(`chrono-node ${chronoVersion()}, same windows and reference date\n`);
  console.log(lines.join('\n'));
  for (const [name, list] of Object.entries(wrong)) {
    console.log(`\nwrong for ${name} (${list.length}):`);
    for (const { c, picked } of list) {
      const gold = c.gold_date_max ? `${c.gold_date}..${c.gold_date_max}` : c.gold_date;
      const got = picked ? `${picked.day} from "${picked.text}" (${picked.window})` : 'no date';
      console.log(`  ${c.set}/${c.article} #${c.event} published ${c.published}: gold ${gold}, got ${got}`);
    }
  }
}

main();
