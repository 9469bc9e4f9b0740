// A map of the gazetteer's places and detention facilities, drawn offline
// from the outline shipped with the app (peninsula.ts).

import { get } from '../api';
import { h, s } from '../dom';
import { currentLang, t } from '../i18n';
import { placeKindName } from '../labels';
import { demarcation, outline } from '../peninsula';

const W = 560, H = 680;
const project = (lon: number, lat: number): [number, number] => {
  // Equirectangular around 38.5° N: fine at this scale.
  const k = H / (43.2 - 33.9);
  return [(lon - 124.1) * k * Math.cos((38.5 * Math.PI) / 180) + 10, (43.2 - lat) * k];
};
const path = (points: [number, number][], close: boolean) =>
  points.map(([lon, lat], i) => `${i ? 'L' : 'M'}${project(lon, lat).map((v) => v.toFixed(1)).join(' ')}`).join(' ') + (close ? ' Z' : '');

export async function mapView(main: HTMLElement) {
  const [r, counts] = await Promise.all([get('/api/places'), get('/api/places/counts')]);
  // Records and persons documented per place (aggregates).
  const count = new Map<string, { records: number; persons: number }>((counts.places as any[]).map((c) => [c.id, c]));
  const most = Math.max(1, ...(counts.places as any[]).map((c) => c.records));
  const places = (r.places as any[]).filter((p) => p.lat !== null && p.lon !== null);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, role: 'img', 'aria-label': t('mapTitle'), id: 'place-map' });
  svg.appendChild(s('path', { d: path(outline, true), fill: '#f4f1e6', stroke: '#555', 'stroke-width': 1.2 }));
  svg.appendChild(s('path', { d: path(demarcation, false), fill: 'none', stroke: '#999', 'stroke-dasharray': '4 3' }));
  for (const p of places.filter((p) => !p.facility && (p.kind === 'province' || p.kind === 'special_city' || p.kind === 'city'))) {
    const [x, y] = project(p.lon, p.lat);
    svg.appendChild(s('circle', { cx: x, cy: y, r: p.kind === 'city' ? 2.5 : 3.5, fill: '#4a6378' }, s('title', {}, `${p.hangul} ${p.name}`)));
  }
  for (const p of places.filter((p) => p.facility)) {
    const [x, y] = project(p.lon, p.lat);
    const c = count.get(p.id);
    // A facility with no published coordinates is drawn hollow at the county
    // it lies in; one with records grows with their number (by area).
    const k = c ? 1 + 2.5 * Math.sqrt(c.records / most) : 1;
    const said = c ? ` · ${t('recordsPersons').replace('{records}', String(c.records)).replace('{persons}', String(c.persons))}` : '';
    svg.appendChild(s('path', { d: `M${x} ${y - 5 * k} L${x + 4.5 * k} ${y + 3.5 * k} L${x - 4.5 * k} ${y + 3.5 * k} Z`,
      fill: p.approximate ? '#fff' : '#b22', 'fill-opacity': c ? 0.85 : 1, stroke: '#b22', 'stroke-width': 1.2, class: c ? 'facility documented' : 'facility', 'data-records': c ? c.records : 0 },
      s('title', {}, `${p.hangul} ${p.name} (${placeKindName(p.kind)})${p.approximate ? ' · ' + t('approximateSite') : ''}${said}`)));
    if (c) {
      const label = s('text', { x: x + 5 * k + 2, y: y + 4, class: 'count' }, String(c.records));
      svg.appendChild(label);
    }
  }
  const byRecords = (a: any, b: any) => (count.get(b.id)?.records ?? 0) - (count.get(a.id)?.records ?? 0);
  const facilities = places.filter((p) => p.facility).sort(byRecords);
  const documented = facilities.filter((p) => count.has(p.id));
  main.append(h('h1', {}, t('mapTitle')),
    h('div', { class: 'legend' }, h('span', {}, '▲ ', t('facilities')), h('span', {}, '△ ', t('approximateSite')), h('span', {}, '● ', t('areas')),
      h('span', {}, t('mapSized'))),
    h('div', { class: 'map-layout' },
      h('div', { class: 'map card' }, svg),
      h('section', { class: 'card', id: 'place-counts' }, h('h2', {}, t('documentedPlaces')),
        documented.length === 0 ? h('p', { class: 'note' }, t('noDocumentedPlaces')) :
          h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('placeName')), h('th', {}, t('recordsColumn')), h('th', {}, t('persons')))),
            h('tbody', {}, documented.map((p) => h('tr', {}, h('td', {}, currentLang() === 'ko' ? `${p.hangul} (${p.name})` : `${p.name} (${p.hangul})`),
              h('td', {}, count.get(p.id)!.records), h('td', {}, count.get(p.id)!.persons)))))),
        h('p', { class: 'note' }, t('placeCountsNote').replace('{blank}', String(counts.blank)).replace('{unresolved}', String(counts.unresolved))))),
    h('details', { class: 'card' }, h('summary', {}, `${t('facilities')} (${facilities.length})`),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('placeName')), h('th', {}, t('placeKind')), h('th', {}, t('latLon')))),
        h('tbody', {}, facilities.map((p) => h('tr', {}, h('td', {}, currentLang() === 'ko' ? `${p.hangul} (${p.name})` : `${p.name} (${p.hangul})`),
          h('td', {}, placeKindName(p.kind)), h('td', {}, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}${p.approximate ? ' (' + t('approximateSite') + ')' : ''}`)))))));
}
