// The estimates dashboard: per stratum, the documented count and each
// method's estimate with its interval (an SVG chart, and the same figures
// in a table), and the overlap between sources.

import { ApiError, del, get, post } from '../api';
import { clear, h, s } from '../dom';
import { currentLang, t } from '../i18n';
import { loadReference, strataColumns, stratumName } from '../labels';
import { showError, status } from '../main';
import { sensitivityCard } from './sensitivity';

const colors: Record<string, string> = { loglinear: '#24609c', lcmcr: '#b5651d', dga: '#2e8b57', chao: '#6a3d9a' };

// A method's name in the interface's language (the API's codes otherwise).
const methodName = (code: string) =>
  code === 'loglinear' ? t('methodLoglinear') : code === 'lcmcr' ? t('methodLcmcr') : code === 'dga' ? t('methodDga') : code;

interface Row { label: string; observed: number; methods: { method: string; N: number; lower: number | null; upper: number | null; linkage: number | null }[]; warnings: { en: string; ko: string | null }[] }

function rows(result: any): Row[] {
  const byStratum = new Map<string, Row>();
  for (const e of result.estimates as any[]) {
    const label = stratumName(e.stratum);
    const row: Row = byStratum.get(label) ?? { label, observed: e.observed, methods: [], warnings: [] };
    row.methods.push({ method: e.method, N: e.N, lower: e.lower ?? null, upper: e.upper ?? null, linkage: e.linkage?.width_share ?? null });
    byStratum.set(label, row);
  }
  // Each stratum's warnings, whichever method said them, in both languages.
  for (const st of (result.stratum_warnings ?? []) as any[]) {
    const row = byStratum.get(stratumName(st.stratum));
    if (row) row.warnings = (st.warnings as string[]).map((en, i) => ({ en, ko: st.ko?.[i] ?? null }));
  }
  return [...byStratum.values()];
}

// The estimators' own warnings, per stratum, in the interface's language
// (the server gives each in Korean beside the English; one it cannot
// translate yet is shown in English).
function warningsCard(data: Row[]): HTMLElement {
  const items = data.flatMap((r) => r.warnings.map((w) => h('li', {}, `${r.label}: ${currentLang() === 'ko' && w.ko !== null ? w.ko : w.en}`)));
  if (items.length === 0) return h('span', {});
  return h('section', { class: 'card', id: 'stratum-warnings' }, h('h2', {}, t('stratumWarnings')),
    h('p', { class: 'note' }, t('stratumWarningsNote')), h('ul', { class: 'warnings' }, items));
}

// 1, 2, 2.5 or 5 times a power of ten, at least V.
function niceCeiling(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// Each stratum has its own axis: strata differ by orders of magnitude (the
// stratum of blank places can outnumber every camp together), and one
// shared axis would squash the small ones against its left end. A row's
// axis reaches its largest point and its intervals, but no further than
// twice the largest point; a longer interval ends in an arrow with its
// upper bound written beside it.
function rowScale(r: Row): number {
  const points = Math.max(1, r.observed, ...r.methods.map((m) => m.N).filter(Number.isFinite));
  const uppers = Math.max(points, ...r.methods.map((m) => m.upper ?? 0).filter(Number.isFinite));
  return niceCeiling(Math.min(uppers, 2 * points) * 1.05);
}

export function chart(data: Row[]): SVGElement {
  const width = 760, rowH = 18, left = 190, right = width - 30;
  const lines = data.reduce((n, r) => n + r.methods.length + 2, 0);
  const height = lines * rowH + 10;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, role: 'img', 'aria-labelledby': 'chart-caption', id: 'estimate-chart' });
  let y = 10;
  for (const r of data) {
    const max = rowScale(r);
    const x = (v: number) => left + (Math.min(v, max) / max) * (right - left);
    // The row's own axis, drawn first so that the marks lie on top of it.
    const axisY = y + (r.methods.length + 1) * rowH + 2;
    svg.appendChild(s('line', { x1: left, x2: right, y1: axisY, y2: axisY, stroke: '#999' }));
    for (let i = 0; i <= 4; i++) {
      const v = (max * i) / 4;
      svg.appendChild(s('line', { x1: x(v), x2: x(v), y1: y, y2: axisY, stroke: '#ddd' }));
      svg.appendChild(s('text', { x: x(v), y: axisY + 12, 'text-anchor': 'middle', 'font-size': 10, class: 'axis-tick' }, String(Math.round(v))));
    }
    svg.appendChild(s('text', { x: 4, y: y + 12, 'font-weight': 'bold' }, r.label));
    svg.appendChild(s('rect', { x: left, y: y + 3, width: Math.max(1, x(r.observed) - left), height: rowH - 8, fill: '#222' }, s('title', {}, `${t('observed')}: ${r.observed}`)));
    y += rowH;
    for (const m of r.methods) {
      const c = colors[m.method] ?? '#444';
      svg.appendChild(s('text', { x: 16, y: y + 12 }, methodName(m.method)));
      if (m.lower !== null && m.upper !== null) {
        svg.appendChild(s('line', { x1: x(m.lower), x2: x(m.upper), y1: y + 8, y2: y + 8, stroke: c, 'stroke-width': 2 }));
        if (m.upper > max) {
          svg.appendChild(s('path', { d: `M${right - 6} ${y + 4}L${right} ${y + 8}L${right - 6} ${y + 12}`, stroke: c, fill: 'none' }));
          svg.appendChild(s('text', { x: right - 10, y: y + 4, 'text-anchor': 'end', 'font-size': 10 }, `→ ${Math.round(m.upper)}`));
        }
      }
      if (Number.isFinite(m.N)) {
        svg.appendChild(s('circle', { cx: x(m.N), cy: y + 8, r: 4, fill: c, class: 'estimate-point' },
          s('title', {}, `${methodName(m.method)}: ${Math.round(m.N)} (${m.lower === null ? '?' : Math.round(m.lower)}–${m.upper === null ? '?' : Math.round(m.upper)})`)));
      }
      y += rowH;
    }
    y += rowH;
  }
  return svg;
}

export async function estimatesView(main: HTMLElement) {
  await loadReference();
  const strata = h('select', { id: 'est-strata' },
    [['', t('none')], ...strataColumns.map(([v, key]) => [v, t(key)])].map(([v, l]) => h('option', { value: v }, l)));
  const method = h('select', { id: 'est-method' }, [['all', t('methodAll')], ['loglinear', t('methodLoglinear')], ['lcmcr', t('methodLcmcr')], ['dga', t('methodDga')]].map(([v, l]) => h('option', { value: v }, l)));
  const out = h('section', { id: 'estimate-results' });
  // Runs the estimate behind the request: progress (plausible linkages
  // done of all, seconds) and a cancel button while it runs; leaving the
  // page cancels it.
  async function background(request: object): Promise<any | null> {
    const { job } = await post('/api/estimates', { ...request, background: true });
    const text = h('span', { id: 'estimate-progress-text' }, t('running'));
    const cancel = h('button', { type: 'button', id: 'estimate-cancel', onclick: async () => {
      cancel.disabled = true;
      cancel.textContent = t('cancelling');
      try { await del(`/api/estimates/${job}`); } catch (e) { showError(e); }
    } }, t('cancel')) as HTMLButtonElement;
    const bar = h('progress', { id: 'estimate-progress-bar', max: 1 }) as HTMLProgressElement;
    const card = h('div', { class: 'card', id: 'estimate-progress', 'aria-live': 'polite' }, text, ' ', bar, ' ', cancel);
    out.append(card);
    try {
      for (;;) {
        await new Promise((r) => setTimeout(r, 400));
        if (!document.body.contains(out)) { del(`/api/estimates/${job}`).catch(() => {}); return null; }
        const s = await get(`/api/estimates/${job}`);
        if (s.state === 'done') return s.result;
        if (s.state === 'cancelled') { status(() => t('estimateCancelled')); return null; }
        if (s.state === 'failed') throw new ApiError(400, s.error);
        if (s.total > 0) bar.value = s.done / s.total; else bar.removeAttribute('value');
        const seconds = Math.round(s.seconds);
        text.textContent = s.total > 0
          ? t('estimateProgress').replace('{done}', String(s.done)).replace('{total}', String(s.total)).replace('{s}', String(seconds))
          : `${t('running')} ${seconds} s`;
      }
    } finally { card.remove(); }
  }
  async function run() {
    clear(out);
    status(() => t('running'));
    try {
      const request = { method: method.value, strata: strata.value ? [strata.value] : [], iterations: 5000, burn_in: 1000 };
      const result = await background(request);
      if (!result) return;
      status('');
      const data = rows(result);
      // Sources too small to be lists (a few testimonies under a new code)
      // were left out: said once, above the figures.
      const small = (result.estimates as any[]).flatMap((e) => e.warnings ?? [])
        .map((w: string) => /sources with fewer than (\d+) records were left out as lists: (.*); name them/.exec(w))
        .find((m: RegExpExecArray | null) => m);
      if (small) out.append(h('p', { class: 'card note', id: 'small-lists' }, t('smallLists').replace('{n}', small[1]).replace('{which}', small[2])));
      // The linkage's own estimate of its accuracy (link --json "expected"):
      // what the persons behind every figure below may be off by.
      const q = result.linkage_quality;
      if (q) {
        out.append(h('p', { class: 'card note', id: 'linkage-quality' }, t('linkageQuality')
          .replace('{p}', q.precision.toFixed(3)).replace('{r}', q.recall.toFixed(3))
          .replace('{false}', String(Math.round(q.false_links)))
          .replace('{missed}', String(Math.round(q.missed_matches + (q.unscored_matches ?? 0))))
          .replace('{unnamed}', q.unnamed_records === undefined ? '?' : String(q.unnamed_records))));
      }
      // Only the identified records counted (the linkage expects to split
      // the others' persons): said above the figures, with why.
      if (result.records?.counted === 'identified') {
        out.append(h('p', { class: 'card note', id: 'identified-records' }, t('identifiedRecords')
          .replace('{r}', q ? q.recall.toFixed(3) : '?')
          .replace('{gate}', String(result.records.identified_below_recall ?? '?'))));
      }
      // The sensitivity (six more linkages) follows the estimates, so that
      // they show at once.
      const sensitivitySlot = h('section', { class: 'card', id: 'sensitivity-pending' }, t('sensitivityPending'));
      post('/api/estimates', { ...request, sensitivity: true, sensitivity_only: true })
        .then((more: any) => sensitivitySlot.replaceWith(sensitivityCard(more.sensitivity)))
        .catch((e: unknown) => { sensitivitySlot.remove(); showError(e); });
      out.append(h('figure', { class: 'card' }, chart(data), h('figcaption', { id: 'chart-caption' }, t('chartCaption'))),
        h('table', { class: 'card' }, h('thead', {}, h('tr', {}, [t('stratum'), t('method'), t('observed'), t('estimate'), t('interval'), t('fromLinkage')].map((c) => h('th', {}, c)))),
          h('tbody', {}, data.flatMap((r) => r.methods.map((m) => h('tr', {}, h('td', {}, r.label), h('td', {}, methodName(m.method)), h('td', {}, r.observed),
            h('td', {}, Number.isFinite(m.N) ? Math.round(m.N) : '—'),
            h('td', {}, m.lower === null ? '—' : `${Math.round(m.lower)} – ${m.upper === null ? '∞' : Math.round(m.upper)}`),
            h('td', {}, m.linkage === null ? '—' : `${Math.round(100 * m.linkage)}%`)))))),
        warningsCard(data),
        sensitivitySlot,
        h('section', { class: 'card' }, h('h2', {}, t('overlap')),
          (result.overlap.strata as any[]).map((st) => h('div', {}, h('h3', {}, `${stratumName(st.stratum)} (${t('observed')} ${st.observed})`),
            h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('lists')), h('th', {}, t('count')))),
              h('tbody', {}, (st.cells as any[]).map((c) => h('tr', {}, h('td', {}, (c.lists as string[]).join(' ∩ ')), h('td', {}, c.count)))))))));
    } catch (e) { showError(e); }
  }
  main.append(h('h1', {}, t('estimatesTitle')),
    h('form', { class: 'card row', onsubmit: (e: Event) => { e.preventDefault(); run(); } },
      h('div', {}, h('label', { for: 'est-strata' }, t('strata')), strata),
      h('div', {}, h('label', { for: 'est-method' }, t('method')), method),
      h('div', {}, h('button', { type: 'submit', class: 'primary', id: 'run-estimate' }, t('run')))),
    out);
}
