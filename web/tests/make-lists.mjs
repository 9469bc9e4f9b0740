// Writes four small record lists (CSV) of the same 60 made-up people,
// spelled as three organizations would: Hangul, Revised Romanization and the
// DPRK's romanization (from `uncounted names romanize`), each list seeing
// each person with its own probability. Test data for the browser and load
// tests: enough overlap for linkage, a review queue and estimates.
// Usage: node make-lists.mjs UNCOUNTED OUT_DIR

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [uncounted, out] = process.argv.slice(2);
let seed = 20240611;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const surnames = ['김', '리', '박', '최', '정', '강', '조', '윤', '장', '한', '오', '신'];
const given = ['철수', '영희', '영철', '명호', '순옥', '민수', '은하', '상철', '혜진', '광수', '정호', '금순', '성남', '춘화', '용남'];
const places = ['요덕', 'Hoeryong', 'Kaechon', '청진'];
const events = ['detention_kwanliso', 'arrest', 'detention_kyohwaso'];

const people = [];
const used = new Set();
while (people.length < 60) {
  const name = pick(surnames) + pick(given);
  if (used.has(name)) continue;
  used.add(name);
  const r = JSON.parse(execFileSync(uncounted, ['--json', 'names', 'romanize', name]).toString());
  people.push({
    hangul: name, rr: r.rr, dprk: r.dprk, sex: random() < 0.5 ? 'M' : 'F',
    birth: String(1940 + Math.floor(random() * 40)), event: pick(events), place: pick(places),
    year: 1995 + Math.floor(random() * 20),
  });
}
const lists = [['A', 0.55, (p) => p.hangul], ['B', 0.45, (p) => p.rr], ['C', 0.4, (p) => p.dprk]];
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
for (const [code, p, spell] of lists) {
  const rows = ['source,record_id,name,sex,birth_year,event,event_date,event_place,true_id'];
  people.forEach((person, i) => {
    if (random() >= p) return;
    rows.push([code, `${code}-${i}`, spell(person), person.sex, person.birth, person.event, String(person.year), person.place, `P${i}`].map(quote).join(','));
  });
  writeFileSync(join(out, `list-${code}.csv`), rows.join('\n') + '\n');
}
// A fourth list, written carelessly: the name in Hangul with the final
// consonant of its last syllable changed (철 for 천, 수 for 순), the birth year
// a year off for some, no date or place: records whose match a machine
// cannot settle, which is what the review queue is for.
const typo = (name) => {
  const last = name.codePointAt(name.length - 1) - 0xac00;
  const jong = last % 28;
  return name.slice(0, -1) + String.fromCodePoint(0xac00 + last - jong + (jong === 0 ? 4 : 0));
};
const sparse = ['source,record_id,name,sex,birth_year,event,event_date,event_place,true_id'];
people.slice(0, 8).forEach((person, i) => sparse.push(['D', `D-${i}`, typo(person.hangul), person.sex,
  String(Number(person.birth) + (i % 2)), 'arrest', '', '', `P${i}`].map(quote).join(',')));
writeFileSync(join(out, 'list-D.csv'), sparse.join('\n') + '\n');
console.log(`wrote 4 lists of ${people.length} people to ${out}`);
