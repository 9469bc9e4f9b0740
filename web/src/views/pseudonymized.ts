// Analysts see records without identifying fields, under keyed pseudonyms.

import { get, q } from '../api';
import { h } from '../dom';
import { t } from '../i18n';

export async function pseudonymizedView(main: HTMLElement) {
  const r = await get('/api/records/pseudonymized' + q({ limit: 200 }));
  const cols = ['source', 'record', 'entity', 'sex', 'birth_year', 'event', 'event_date', 'event_place'];
  const d = r.disclosure;
  main.append(h('h1', {}, `${t('pseudoTitle')} (${r.total})`),
    h('p', { class: 'note' }, t('pseudoRule'),
      ` (${d.generalized_rows} / ${r.total}; ${Math.round(d.unique_share_as_stored * 1000) / 10}% → ${Math.round(d.unique_share * 1000) / 10}%)`),
    h('table', { class: 'card' }, h('thead', {}, h('tr', {}, cols.map((c) => h('th', {}, c)))),
      h('tbody', {}, (r.records as any[]).map((x) => h('tr', {}, cols.map((c) => h('td', {}, x[c] ?? '')))))));
}
