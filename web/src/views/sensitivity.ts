// The sensitivity chart of the estimates dashboard: per stratum, each
// method's estimate (a line) and 95% interval (a band) against the linkage
// threshold, and the server's plain-language warnings where the answer
// depends on the choice (in the interface's language).

import { h, s } from '../dom';
import { currentLang, t } from '../i18n';
import { stratumName } from '../labels';

const colors: Record<string, string> = { loglinear: '#24609c', lcmcr: '#b5651d', dga: '#2e8b57' };

interface Point { threshold: number; stratum: Record<string, string>; method: string; observed: number; N: number | null; lower: number | null; upper: number | null }

const methodName = (code: string) =>
  code === 'loglinear' ? t('methodLoglinear') : code === 'lcmcr' ? t('methodLcmcr') : t('methodDga');

const label = (p: Point) => stratumName(p.stratum);

export function sensitivityCard(sens: any): HTMLElement {
  const points = (sens.points ?? []) as Point[];
  const byStratum = new Map<string, Point[]>();
  for (const p of points) byStratum.set(label(p), [...(byStratum.get(label(p)) ?? []), p]);
  const width = 760, panel = 150, left = 70, right = width - 20;
  const strata = [...byStratum.entries()].slice(0, 8);
  const svg = s('svg', { viewBox: `0 0 ${width} ${strata.length * (panel + 40) + 26}`, width, role: 'img', 'aria-labelledby': 'sensitivity-caption', id: 'sensitivity-chart' });
  const x = (v: number) => left + ((v - 0.15) / 0.85) * (right - left);
  strata.forEach(([name, ps], i) => {
    const top = i * (panel + 40) + 40, bottom = top + panel - 30;
    const ns = ps.map((p) => p.N).filter((v): v is number => v !== null);
    const most = Math.max(1, ...ns);
    const reach = Math.max(most, ...ps.map((p) => Math.min(p.upper ?? 2 * most, 2 * most)));
    const least = Math.max(0, 0.9 * Math.min(...ps.map((p) => p.lower ?? p.N ?? most)));
    const y = (v: number) => bottom - ((Math.min(Math.max(v, least), reach) - least) / (reach - least || 1)) * (bottom - top);
    svg.appendChild(s('text', { x: 4, y: top - 8, 'font-weight': 'bold' }, name));
    svg.appendChild(s('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: '#999' }));
    for (const v of [least, (least + reach) / 2, reach])
      svg.appendChild(s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10 }, String(Math.round(v))));
    for (const th of sens.thresholds as number[])
      svg.appendChild(s('text', { x: x(th), y: bottom + 13, 'text-anchor': 'middle', 'font-size': 10 }, String(th)));
    for (const method of ['loglinear', 'lcmcr', 'dga']) {
      const line = ps.filter((p) => p.method === method && p.N !== null).sort((a, b) => a.threshold - b.threshold);
      if (line.length === 0) continue;
      const c = colors[method];
      const band = [...line.map((p) => `${x(p.threshold)},${y(p.upper ?? reach)}`), ...[...line].reverse().map((p) => `${x(p.threshold)},${y(p.lower ?? (p.N as number))}`)];
      svg.appendChild(s('polygon', { points: band.join(' '), fill: c, 'fill-opacity': 0.12 }));
      svg.appendChild(s('polyline', { points: line.map((p) => `${x(p.threshold)},${y(p.N as number)}`).join(' '), fill: 'none', stroke: c, 'stroke-width': 2, class: `sensitivity-${method}` }));
    }
  });
  ['loglinear', 'lcmcr', 'dga'].forEach((method, i) => {
    svg.appendChild(s('line', { x1: left + i * 220, x2: left + i * 220 + 18, y1: 8, y2: 8, stroke: colors[method], 'stroke-width': 3 }));
    svg.appendChild(s('text', { x: left + i * 220 + 24, y: 12, 'font-size': 11 }, methodName(method)));
  });
  const warnings = (sens.warnings ?? []) as { stratum: string; en: string; ko: string }[];
  return h('figure', { class: 'card', id: 'sensitivity' },
    h('h2', {}, t('sensitivityTitle')), svg,
    h('figcaption', { id: 'sensitivity-caption' }, t('sensitivityCaption')),
    ...(warnings.length === 0
      ? [h('p', { class: 'note' }, t('sensitivityAgree'))]
      : warnings.map((w) => h('p', { class: 'warning sensitivity-warning' }, `⚠ ${stratumName(w.stratum)}: ${currentLang() === 'ko' ? w.ko : w.en}`))));
}
