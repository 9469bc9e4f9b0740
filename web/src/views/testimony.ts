// Testimony entry: source and consent, people (names with live readings
// from the name machinery), events from the taxonomy with fuzzy dates (the
// interval understood is shown) and places (gazetteer autocomplete). The
// draft is saved to the server as you type (in memory there, never in the
// browser's storage) and restored on return.

import { del, get, post, put, q } from '../api';
import { clear, debounce, h } from '../dom';
import { currentLang, t } from '../i18n';
import { eventName, eventTypes, loadReference, precisionName } from '../labels';
import { showError, status } from '../main';

interface PersonDraft { ref: string; name: string; sex: string; birth_year: string; origin: string }
interface EventDraft { ref: string; event: string; event_date: string; event_place: string; notes: string; roles: Record<string, string> }
interface Draft {
  source: string; kind: string; interview_date: string; consent: boolean; scope: string; narrative: string;
  people: PersonDraft[]; events: EventDraft[];
}

let nextId = 1;
const newPerson = (): PersonDraft => ({ ref: 'p' + nextId++, name: '', sex: '', birth_year: '', origin: '' });
const newEvent = (): EventDraft => ({ ref: 'e' + nextId++, event: 'arrest', event_date: '', event_place: '', notes: '', roles: {} });
const emptyDraft = (): Draft => ({
  source: '', kind: 'interview', interview_date: '', consent: false, scope: 'documentation', narrative: '',
  people: [newPerson()], events: [newEvent()],
});

// The testimony document (docs/testimony.schema.json) of a draft.
export function toDocument(d: Draft) {
  const opt = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== ''));
  return {
    source: d.source.trim(),
    kind: d.kind,
    ...opt({ interview_date: d.interview_date, narrative: d.narrative }),
    language: currentLang(),
    consent: { given: d.consent, scope: d.scope },
    people: d.people.map((p) => ({ ref: p.ref, ...opt({ name: p.name, sex: p.sex, birth_year: p.birth_year, origin: p.origin }) })),
    events: d.events.map((e) => ({
      ref: e.ref, event: e.event, ...opt({ event_date: e.event_date, event_place: e.event_place, notes: e.notes }),
      participants: Object.entries(e.roles).filter(([, r]) => r !== '').map(([person, role]) => ({ person, role })),
    })),
  };
}

export async function testimonyView(main: HTMLElement) {
  await loadReference();
  let draft = emptyDraft();
  const saved = (await get('/api/draft')).draft as Draft | null;
  if (saved && Array.isArray(saved.people) && Array.isArray(saved.events)) {
    draft = saved;
    const ids = [...saved.people, ...saved.events].map((x) => Number(x.ref.slice(1)) || 0);
    nextId = Math.max(nextId, ...ids) + 1;
    status(() => t('draftRestored'));
  }
  const draftState = h('span', { class: 'hint', id: 'draft-state' });
  const saveDraft = debounce(async () => {
    try {
      await put('/api/draft', { draft });
      draftState.textContent = `${t('draftSaved')} ${new Date().toLocaleTimeString()}`;
    } catch (e) { showError(e); }
  }, 600);
  const changed = () => saveDraft();

  const form = h('form', { class: 'testimony', novalidate: true });
  const redraw = () => { clear(form); build(); };

  function field(label: string, id: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, ...extra: Node[]) {
    input.id = id;
    return h('div', {}, h('label', { for: id }, label), input, ...extra);
  }
  function text(value: string, set: (v: string) => void, attrs: Record<string, unknown> = {}) {
    return h('input', { value, ...attrs, oninput: (e: Event) => { set((e.target as HTMLInputElement).value); changed(); } });
  }
  function select(value: string, options: [string, string][], set: (v: string) => void) {
    const el = h('select', { onchange: (e: Event) => { set((e.target as HTMLSelectElement).value); changed(); } },
      options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
    el.value = value;
    return el;
  }

  // A fuzzy date input that shows the interval the server understood.
  function dateInput(id: string, value: string, set: (v: string) => void) {
    const out = h('span', { class: 'hint', id: id + '-understood', 'aria-live': 'polite' });
    const show = debounce(async (v: string) => {
      if (!v.trim()) { out.textContent = ''; return; }
      try {
        const r = await get('/api/dates/parse' + q({ text: v }));
        out.textContent = r.understood ? `${t('understood')}: ${r.earliest} – ${r.latest} (${precisionName(r.precision)})` : t('notUnderstood');
      } catch (e) { showError(e); }
    }, 250);
    const input = text(value, (v) => { set(v); show(v); });
    if (value) show(value);
    return field(t('eventDate'), id, input, out);
  }

  // A name input with live Hangul readings and romanizations.
  function nameInput(id: string, p: PersonDraft) {
    const box = h('div', { class: 'suggest', id: id + '-suggest', 'aria-live': 'polite' });
    const show = debounce(async (v: string) => {
      clear(box);
      if (!v.trim()) return;
      try {
        const r = await get('/api/names/romanize' + q({ name: v }));
        if (r.hangul.length) box.append(h('span', { class: 'hint' }, `${t('readings')}:`));
        for (const hangul of r.hangul as string[]) {
          box.append(h('button', { type: 'button', onclick: () => {
            p.name = r.rr ? `${hangul} (${r.dprk || r.rr})` : hangul;
            input.value = p.name; changed(); show(p.name);
          } }, hangul));
        }
        if (r.rr) box.append(h('span', { class: 'hint' }, `RR ${r.rr} · MR ${r.mr} · DPRK ${r.dprk}`));
      } catch (e) { showError(e); }
    }, 250);
    const input = text(p.name, (v) => { p.name = v; show(v); }, { lang: 'ko', autocomplete: 'off' });
    if (p.name) show(p.name);
    return field(t('name'), id, input, box);
  }

  // A place input with gazetteer suggestions (buttons: reachable by Tab).
  function placeInput(id: string, e: EventDraft) {
    const box = h('div', { class: 'suggest', id: id + '-suggest' });
    const show = debounce(async (v: string) => {
      clear(box);
      if (!v.trim()) return;
      try {
        const r = await get('/api/places/lookup' + q({ q: v, event: e.event || '' }));
        if (!r.candidates.length) box.append(h('span', { class: 'hint' }, t('noPlace')));
        for (const c of r.candidates.slice(0, 6)) {
          box.append(h('button', { type: 'button', title: c.id, onclick: () => {
            e.event_place = c.hangul ? `${c.hangul} (${c.name})` : c.name;
            input.value = e.event_place; clear(box); changed();
          } }, `${c.hangul} · ${c.name} (${Math.round(c.confidence * 100)}%)`));
        }
      } catch (err) { showError(err); }
    }, 250);
    const input = text(e.event_place, (v) => { e.event_place = v; show(v); }, { autocomplete: 'off' });
    return field(t('eventPlace'), id, input, box);
  }

  function build() {
    form.append(
      h('h1', {}, t('navTestimony')),
      h('fieldset', { class: 'card' }, h('legend', {}, t('source')),
        h('div', { class: 'row' },
          // The organization code names a list in every report: ASCII, said before it is refused.
          field(t('source'), 't-source', text(draft.source, (v) => (draft.source = v), { pattern: '[A-Za-z0-9_\\-]{1,64}', required: true, 'aria-describedby': 't-source-hint', autocomplete: 'off' }),
            h('span', { class: 'hint', id: 't-source-hint' }, t('sourceHint'))),
          field(t('kind'), 't-kind', select(draft.kind, [['interview', t('kindInterview')], ['written_statement', t('kindWritten')], ['document', t('kindDocument')], ['other', t('kindOther')]], (v) => (draft.kind = v))),
          field(t('interviewDate'), 't-interview-date', text(draft.interview_date, (v) => (draft.interview_date = v)))),
        h('div', { class: 'row' },
          h('div', {}, h('label', { for: 't-consent' },
            h('input', { type: 'checkbox', id: 't-consent', checked: draft.consent, onchange: (e: Event) => { draft.consent = (e.target as HTMLInputElement).checked; changed(); } }),
            ' ', t('consentGiven'))),
          field(t('scope'), 't-scope', select(draft.scope, [['documentation', t('scopeDocumentation')], ['publication', t('scopePublication')], ['anonymous_statistics', t('scopeAnon')]], (v) => (draft.scope = v))))),
      h('fieldset', { class: 'card' }, h('legend', {}, t('people')),
        draft.people.map((p, i) => h('div', { class: 'row person' },
          nameInput(`p${i}-name`, p),
          field(t('sex'), `p${i}-sex`, select(p.sex, [['', t('sexUnknown')], ['M', t('sexM')], ['F', t('sexF')]], (v) => (p.sex = v))),
          field(t('birthYear'), `p${i}-birth`, text(p.birth_year, (v) => (p.birth_year = v), { size: 10 })),
          field(t('origin'), `p${i}-origin`, text(p.origin, (v) => (p.origin = v))),
          draft.people.length > 1 ? h('button', { type: 'button', onclick: () => { draft.people.splice(i, 1); changed(); redraw(); } }, t('remove')) : null)),
        h('button', { type: 'button', id: 'add-person', onclick: () => { draft.people.push(newPerson()); changed(); redraw(); } }, t('addPerson'))),
      h('fieldset', { class: 'card' }, h('legend', {}, t('events')),
        draft.events.map((e, i) => h('div', { class: 'card event' },
          h('div', { class: 'row' },
            field(t('event'), `e${i}-type`, select(e.event, eventTypes().map((x) => [x.code, eventName(x.code)]), (v) => (e.event = v))),
            dateInput(`e${i}-date`, e.event_date, (v) => (e.event_date = v)),
            placeInput(`e${i}-place`, e)),
          h('div', { class: 'row' }, draft.people.map((p, k) => field(
            `${t('participants')}: ${p.name || t('personNumber').replace('{n}', String(k + 1))}`, `e${i}-role${k}`,
            select(e.roles[p.ref] ?? '', [['', t('roleNone')], ['victim', t('roleVictim')], ['witness', t('roleWitness')], ['perpetrator', t('rolePerpetrator')]], (v) => (e.roles[p.ref] = v))))),
          field(t('notes'), `e${i}-notes`, text(e.notes, (v) => (e.notes = v))),
          draft.events.length > 1 ? h('button', { type: 'button', onclick: () => { draft.events.splice(i, 1); changed(); redraw(); } }, t('remove')) : null)),
        h('button', { type: 'button', id: 'add-event', onclick: () => { draft.events.push(newEvent()); changed(); redraw(); } }, t('addEvent'))),
      h('div', { class: 'card' }, h('label', { for: 't-narrative' }, t('narrative')),
        h('textarea', { id: 't-narrative', lang: 'ko', oninput: (e: Event) => { draft.narrative = (e.target as HTMLTextAreaElement).value; changed(); } }, draft.narrative)),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary', id: 'save-testimony' }, t('save')),
        h('button', { type: 'button', onclick: async () => { await del('/api/draft'); draft = emptyDraft(); redraw(); } }, t('discardDraft')),
        draftState),
    );
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post('/api/testimonies', toDocument(draft));
      await del('/api/draft');
      status(() => `${t('testimonySaved')}: ${r.source} ${r.testimony_id} (${r.records} ${t('records')})`);
      draft = emptyDraft();
      redraw();
      await recent();
    } catch (e) { showError(e); }
  });

  const list = h('section', { class: 'card', id: 'recent' });
  async function recent() {
    const r = await get('/api/testimonies' + q({ limit: 10 }));
    clear(list);
    list.append(h('h2', {}, t('recentTestimonies')), h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, t('source')), h('th', {}, t('testimonyId')), h('th', {}, t('people')), h('th', {}, t('events')))),
      h('tbody', {}, (r.testimonies as any[]).map((x) => h('tr', {},
        h('td', {}, x.source), h('td', {}, x.testimony_id), h('td', {}, (x.people as string[]).join(', ')), h('td', {}, x.events))))));
  }
  build();
  main.append(form, list);
  await recent();
  (form.querySelector('#t-source') as HTMLInputElement)?.focus();
}
