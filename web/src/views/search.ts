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

// Persons a page at a time.
const pageSize = 20;

export async function searchView(main: HTMLElement) {
  await loadReference();
  const input = h('input', { id: 'search-q', type: 'search', lang: 'ko', 'aria-describedby': 'search-hint', autocomplete: 'off' });
  const results = h('section', { id: 'search-results', 'aria-live': 'polite' });
  async function run(offset = 0) {
    if (!input.value.trim()) return;
    try {
      const r = await get('/api/search' + q({ q: input.value, limit: pageSize, offset }));
      clear(results);
      if (!r.persons.length) { results.append(h('p', {}, t('noResults'))); return; }
      const to = offset + r.persons.length;
      const summary = t('searchSummary').replace('{persons}', String(r.total_persons)).replace('{records}', String(r.total))
        .replace('{from}', String(offset + 1)).replace('{to}', String(to));
      // One body per person: its matching records, the person's page linked once.
      const bodies = (r.persons as any[]).map((p) => h('tbody', { class: 'person-hit' },
        (p.records as any[]).map((x, i) => h('tr', {}, recordCells(x),
          i === 0 ? h('td', { rowspan: p.records.length }, h('a', { href: `#/person/${p.record}` }, x.entity_id ? t('personPage') : t('recordPage'))) : null,
          h('td', {}, x.score.toFixed(2))))));
      results.append(h('h2', { id: 'search-summary' }, summary),
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, recordHead(), h('th', {}, t('entity')), h('th', {}, t('score')))), bodies)),
        h('nav', { class: 'pager', 'aria-label': t('pages') },
          h('button', { type: 'button', id: 'search-prev', disabled: offset === 0, onclick: () => run(Math.max(0, offset - pageSize)) }, t('previous')),
          h('button', { type: 'button', id: 'search-next', disabled: to >= r.total_persons, onclick: () => run(to) }, t('next'))));
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
