// Analysts see records without identifying fields, under keyed pseudonyms.

import { get, q } from '../api';
import { h } from '../dom';
import { t, type Key } from '../i18n';
import { eventName, loadReference, placeName, sexName } from '../labels';

export async function pseudonymizedView(main: HTMLElement) {
  const [r] = await Promise.all([get('/api/records/pseudonymized' + q({ limit: 200 })), loadReference()]);
  // Each column with its heading; codes shown by their names.
  const cols: [string, Key][] = [['source', 'source'], ['record', 'pseudoRecord'], ['entity', 'pseudoEntity'], ['sex', 'sex'],
    ['birth_year', 'birthYear'], ['event', 'event'], ['event_date', 'eventDate'], ['event_place', 'eventPlace']];
  const cell = (c: string, v: any) => (v === null || v === undefined ? '' : c === 'sex' ? sexName(v) : c === 'event' ? eventName(v) : c === 'event_place' ? placeName(v) : v);
  const d = r.disclosure;
  main.append(h('h1', {}, `${t('pseudoTitle')} (${r.total})`),
    h('p', { class: 'note' }, t('pseudoRule'),
      ` (${d.generalized_rows} / ${r.total}; ${Math.round(d.unique_share_as_stored * 1000) / 10}% → ${Math.round(d.unique_share * 1000) / 10}%)`),
    h('table', { class: 'card' }, h('thead', {}, h('tr', {}, cols.map(([, key]) => h('th', {}, t(key))))),
      h('tbody', {}, (r.records as any[]).map((x) => h('tr', {}, cols.map(([c]) => h('td', {}, cell(c, x[c]))))))));
}
