// The review queue: two records side by side, the waterfall of their match
// weight, and match / not a match / unsure (keys M, N, U).

import { get, post, q } from '../api';
import { clear, h } from '../dom';
import { Key, t } from '../i18n';
import { eventName, loadReference, sexName } from '../labels';
import { showError, status } from '../main';
import { waterfall } from './waterfall';

// Each field of a record with its label in the interface's language.
const fields: [string, Key][] = [['name', 'name'], ['sex', 'sex'], ['birth_year', 'birthYear'], ['origin', 'origin'],
  ['event', 'event'], ['event_date', 'eventDate'], ['event_place', 'eventPlace'], ['source', 'source'], ['record_id', 'recordId']];

// A field's value as people read it: event and sex codes by their names.
const shown = (f: string, v: any) => (v === null || v === undefined || v === '' ? '—' : f === 'event' ? eventName(v) : f === 'sex' ? sexName(v) : v);

function card(title: string, r: any) {
  return h('section', { class: 'card' }, h('h2', {}, title),
    h('dl', {}, fields.flatMap(([f, label]) => [h('dt', {}, t(label)), h('dd', {}, shown(f, r?.[f]))])));
}

const decisionKeys: Record<string, Key> = { match: 'decisionMatch', non_match: 'decisionNonMatch', unsure: 'decisionUnsure' };

// How long a new pair is on screen before a key decides it: a key pressed
// twice, or held, must not decide a pair the reviewer has not seen.
const armDelayMs = 400;

export async function reviewView(main: HTMLElement) {
  await loadReference();
  const area = h('div', { id: 'review-area' });
  const count = h('span', { id: 'review-remaining', 'aria-live': 'polite' });
  const undoButton = h('button', { type: 'button', id: 'review-undo', disabled: true, onclick: () => undo() }, t('undo')) as HTMLButtonElement;
  const bar = h('div', { class: 'review-bar' }, count, undoButton);
  let current: any = null;
  // While a decision is sent or the next pair loads, or before a new pair
  // has been on screen for armDelayMs, nothing decides.
  let busy = false;
  let armedAt = 0;
  // Decisions of this visit, newest last, for undo.
  const decided: any[] = [];

  function showRemaining(n: number) {
    count.textContent = t('reviewRemaining').replace('{n}', String(n));
    count.dataset.remaining = String(n);
  }
  function setButtons(enabled: boolean) {
    area.querySelectorAll<HTMLButtonElement>('.buttons button').forEach((b) => { b.disabled = !enabled; });
    undoButton.disabled = busy || decided.length === 0;
  }
  function show(pair: any) {
    current = pair;
    clear(area);
    if (!current) { area.append(h('p', { id: 'queue-empty' }, t('queueEmpty'))); setButtons(false); return; }
    area.dataset.pair = `${current.record_a}-${current.record_b}`;
    area.append(
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'match', id: 'decide-match', onclick: () => decide('match') }, t('match')),
        h('button', { type: 'button', class: 'nonmatch', id: 'decide-nonmatch', onclick: () => decide('non_match') }, t('nonMatch')),
        h('button', { type: 'button', id: 'decide-unsure', onclick: () => decide('unsure') }, t('unsure'))),
      h('p', { class: 'hint' }, t('shortcuts')),
      h('div', { class: 'pair' }, card(t('recordA'), current.a), card(t('recordB'), current.b)));
    if (current.explanation) area.append(waterfall(current.explanation));
    armedAt = performance.now() + armDelayMs;
    setButtons(true);
    (area.querySelector('#decide-match') as HTMLElement).focus();
  }
  async function load() {
    const r = await get('/api/review/queue' + q({ limit: 1 }));
    showRemaining(r.remaining);
    show((r.pairs as any[])[0] ?? null);
  }
  // Runs FN with every decision blocked; the buttons say so.
  async function exclusive(fn: () => Promise<void>) {
    if (busy) return;
    busy = true;
    setButtons(false);
    try { await fn(); } catch (e) { showError(e); } finally { busy = false; setButtons(!!current); }
  }
  function decide(decision: string, fromKey = false) {
    const pair = current;
    if (!pair || busy || (fromKey && performance.now() < armedAt)) return;
    return exclusive(async () => {
      const r = await post('/api/review/decisions', { record_a: pair.record_a, record_b: pair.record_b, decision });
      decided.push({ ...pair, decision });
      status(() => `${t('decided')}: ${pair.record_a} – ${pair.record_b} ${t(decisionKeys[decision])}`);
      showRemaining(r.remaining);
      await load();
    });
  }
  function undo() {
    const last = decided[decided.length - 1];
    if (!last || busy) return;
    return exclusive(async () => {
      const r = await post('/api/review/undo', { record_a: last.record_a, record_b: last.record_b });
      decided.pop();
      status(() => `${t('undone')}: ${last.record_a} – ${last.record_b} ${t(decisionKeys[last.decision])}`);
      showRemaining(r.remaining);
      // The pair taken back is the one to decide again, whatever the queue's order.
      show(last);
    });
  }
  const onKey = (e: KeyboardEvent) => {
    if (!document.body.contains(area)) { document.removeEventListener('keydown', onKey); return; }
    const target = e.target as HTMLElement;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === 'm') decide('match', true);
    else if (key === 'n') decide('non_match', true);
    else if (key === 'u') decide('unsure', true);
    else if (key === 'z') undo();
  };
  document.addEventListener('keydown', onKey);
  main.append(h('h1', {}, t('reviewTitle')),
    h('button', { type: 'button', id: 'run-link', onclick: async () => {
      clear(area);
      area.append(h('p', { id: 'link-running' }, t('running')));
      try {
        const s = await post('/api/link');
        await load();
        const summary = () => t('linkSummary').replace('{records}', String(s.records))
          .replace('{entities}', String(s.entities)).replace('{review}', String(s.review_pairs));
        status(() => `${t('linkDone')}: ${summary()}`);
      } catch (e) { showError(e); }
    } }, t('runLink')), bar, area);
  await load();
}
