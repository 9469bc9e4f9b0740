// The person page: every record linked to the person, from which source,
// with the match explanation of each scored pair.

import { get } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { loadReference } from '../labels';
import { recordCells, recordHead } from './search';
import { waterfall } from './waterfall';

export async function personView(main: HTMLElement, id?: string) {
  const [r] = await Promise.all([get(`/api/persons/${encodeURIComponent(id ?? '')}`), loadReference()]);
  const byId = new Map((r.records as any[]).map((x) => [x.id, x]));
  const label = (rid: number) => { const x = byId.get(rid); return x ? `${x.source}:${x.record_id}` : String(rid); };
  main.append(
    h('h1', {}, `${t('personTitle')} ${r.records[0]?.entity_id ?? ''}`),
    h('section', { class: 'card' }, h('h2', {}, `${t('linkedRecords')} (${r.records.length})`),
      h('table', { id: 'person-records' }, h('thead', {}, h('tr', {}, recordHead())),
        h('tbody', {}, (r.records as any[]).map((x) => h('tr', {}, recordCells(x)))))),
    h('section', { class: 'card', id: 'person-explanation' }, h('h2', {}, t('explanation')),
      // A record alone (never linked, or linked to nobody) has nothing to explain: said, not an empty card.
      r.pairs.length === 0 ? h('p', { class: 'note' }, r.records.length > 1 ? t('noScoredPairs') : t('recordAlone'))
        : (r.pairs as any[]).map((p) => h('div', {}, h('h3', {}, `${label(p.record_a)} ↔ ${label(p.record_b)}`), waterfall(p.explanation)))),
  );
}
