// Search across records and persons by any spelling of a name.

import { get, q } from '../api';
import { clear, h } from '../dom';
import { t } from '../i18n';
import { eventName, loadReference } from '../labels';
import { showError } from '../main';

// A record's cells (the event by its name: loadReference() first).
export function recordCells(r: any) {
  return [h('td', {}, r.name ?? ''), h('td', {}, r.source), h('td', {}, r.record_id), h('td', {}, eventName(r.event)),
    h('td', {}, r.event_date ?? ''), h('td', {}, r.event_place ?? '')];
}
export const recordHead = () => [t('name'), t('source'), t('recordId'), t('event'), t('eventDate'), t('eventPlace')].map((x) => h('th', {}, x));

export async function searchView(main: HTMLElement) {
  await loadReference();
  const input = h('input', { id: 'search-q', type: 'search', lang: 'ko', 'aria-describedby': 'search-hint', autocomplete: 'off' });
  const results = h('section', { id: 'search-results', 'aria-live': 'polite' });
  async function run() {
    if (!input.value.trim()) return;
    try {
      const r = await get('/api/search' + q({ q: input.value }));
      clear(results);
      if (!r.records.length) { results.append(h('p', {}, t('noResults'))); return; }
      results.append(h('h2', {}, `${t('results')}: ${r.total}`), h('table', {},
        h('thead', {}, h('tr', {}, recordHead(), h('th', {}, t('entity')), h('th', {}, t('score')))),
        h('tbody', {}, (r.records as any[]).map((x) => h('tr', {}, recordCells(x),
          h('td', {}, h('a', { href: `#/person/${x.id}` }, x.entity_id ?? t('personPage'))),
          h('td', {}, x.score.toFixed(2)))))));
    } catch (e) { showError(e); }
  }
  main.append(h('h1', {}, t('search')),
    h('form', { class: 'card', role: 'search', onsubmit: (e: Event) => { e.preventDefault(); run(); } },
      h('label', { for: 'search-q' }, t('search')), input, ' ',
      h('button', { type: 'submit', class: 'primary' }, t('search')),
      h('p', { class: 'hint', id: 'search-hint' }, t('searchHint'))),
    results);
  input.focus();
}
