// The waterfall of a match weight (link/explain.h): the prior, then each
// comparison's bits, summing to the pair's weight. Drawn as SVG bars, with
// the same figures in a table for screen readers and keyboard users.

import { h, s } from '../dom';
import { t } from '../i18n';
import { comparedValue, levelName, termName } from '../labels';

export interface Step { term: string; level?: string; left?: string; right?: string; weight: number; cumulative: number }
export interface Explanation { match_weight: number; match_probability: number; waterfall: Step[] }

export function waterfall(ex: Explanation): HTMLElement {
  const steps = ex.waterfall;
  const values = steps.flatMap((st) => [st.cumulative, st.cumulative - st.weight, 0]);
  const lo = Math.min(...values), hi = Math.max(...values);
  const width = 720, row = 22, left = 290, plot = width - left - 20;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * plot;
  const svg = s('svg', { viewBox: `0 0 ${width} ${row * (steps.length + 1) + 10}`, width, role: 'img', 'aria-label': `${t('matchWeight')} ${ex.match_weight.toFixed(2)}` });
  svg.appendChild(s('line', { x1: x(0), x2: x(0), y1: 0, y2: row * (steps.length + 1), stroke: '#888', 'stroke-dasharray': '3 3' }));
  steps.forEach((st, i) => {
    const a = x(st.cumulative - st.weight), b = x(st.cumulative);
    const y = i * row + 4;
    svg.appendChild(s('text', { x: 4, y: y + 13 }, termName(st.term) + (st.level ? ` (${levelName(st.term, st.level)})` : '')));
    svg.appendChild(s('rect', { x: Math.min(a, b), y, width: Math.max(1.5, Math.abs(b - a)), height: row - 6, fill: st.weight >= 0 ? '#2f7d32' : '#b33' },
      s('title', {}, `${termName(st.term)}: ${st.weight.toFixed(2)} ${t('bits')}`)));
  });
  const y = steps.length * row + 4;
  svg.appendChild(s('text', { x: 4, y: y + 13 }, t('matchWeight')));
  svg.appendChild(s('rect', { x: Math.min(x(0), x(ex.match_weight)), y, width: Math.max(1.5, Math.abs(x(ex.match_weight) - x(0))), height: row - 6, fill: '#24609c' }));
  const table = h('table', { class: 'waterfall-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('term')), h('th', {}, t('level')), h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, t('bits')), h('th', {}, t('total')))),
    h('tbody', {}, steps.map((st) => h('tr', {}, h('td', {}, termName(st.term)), h('td', {}, levelName(st.term, st.level)), h('td', {}, comparedValue(st.left)), h('td', {}, comparedValue(st.right)),
      h('td', {}, st.weight.toFixed(2)), h('td', {}, st.cumulative.toFixed(2))))));
  return h('figure', { class: 'waterfall' }, svg,
    h('figcaption', {}, `${t('matchWeight')} ${ex.match_weight.toFixed(2)} · ${t('probability')} ${(ex.match_probability * 100).toFixed(1)}%`),
    h('details', {}, h('summary', {}, t('explanation')), table));
}
