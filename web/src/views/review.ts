// The review queue: two records side by side, the waterfall of their match
// weight, and match / not a match / unsure (keys M, N, U).

import { get, post, q } from '../api';
import { clear, h } from '../dom';
import { Key, t } from '../i18n';
import { showError, status } from '../main';
import { waterfall } from './waterfall';

// Each field of a record with its label in the interface's language.
const fields: [string, Key][] = [['name', 'name'], ['sex', 'sex'], ['birth_year', 'birthYear'], ['origin', 'origin'],
  ['event', 'event'], ['event_date', 'eventDate'], ['event_place', 'eventPlace'], ['source', 'source'], ['record_id', 'recordId']];

function card(title: string, r: any) {
  return h('section', { class: 'card' }, h('h2', {}, title),
    h('dl', {}, fields.flatMap(([f, label]) => [h('dt', {}, t(label)), h('dd', {}, r?.[f] ?? '—')])));
}

export async function reviewView(main: HTMLElement) {
  const area = h('div', { id: 'review-area' });
  let current: any = null;
  async function load() {
    const r = await get('/api/review/queue' + q({ limit: 20 }));
    current = (r.pairs as any[]).find((p) => !p.decision) ?? null;
    clear(area);
    if (!current) { area.append(h('p', { id: 'queue-empty' }, t('queueEmpty'))); return; }
    area.append(h('div', { class: 'pair' }, card(t('recordA'), current.a), card(t('recordB'), current.b)));
    if (current.explanation) area.append(waterfall(current.explanation));
    area.append(
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'match', id: 'decide-match', onclick: () => decide('match') }, t('match')),
        h('button', { type: 'button', class: 'nonmatch', id: 'decide-nonmatch', onclick: () => decide('non_match') }, t('nonMatch')),
        h('button', { type: 'button', id: 'decide-unsure', onclick: () => decide('unsure') }, t('unsure'))),
      h('p', { class: 'hint' }, t('shortcuts')));
    (area.querySelector('#decide-match') as HTMLElement).focus();
  }
  async function decide(decision: string) {
    if (!current) return;
    try {
      await post('/api/review/decisions', { record_a: current.record_a, record_b: current.record_b, decision });
      status(`${t('decided')}: ${current.record_a} – ${current.record_b} ${decision}`);
      await load();
    } catch (e) { showError(e); }
  }
  const onKey = (e: KeyboardEvent) => {
    if (!document.body.contains(area)) { document.removeEventListener('keydown', onKey); return; }
    const target = e.target as HTMLElement;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'm') decide('match');
    else if (key === 'n') decide('non_match');
    else if (key === 'u') decide('unsure');
  };
  document.addEventListener('keydown', onKey);
  main.append(h('h1', {}, t('reviewTitle')),
    h('button', { type: 'button', id: 'run-link', onclick: async () => {
      clear(area);
      area.append(h('p', { id: 'link-running' }, t('running')));
      try {
        const s = await post('/api/link');
        await load();
        const summary = t('linkSummary').replace('{records}', String(s.records))
          .replace('{entities}', String(s.entities)).replace('{review}', String(s.review_pairs));
        status(`${t('linkDone')}: ${summary}`);
      } catch (e) { showError(e); }
    } }, t('runLink')), area);
  await load();
}
