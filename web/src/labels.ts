// The API's codes as people read them, in the interface's language: event
// types (the server's taxonomy, which names each in Korean and English),
// places (the gazetteer's names), sex, date precision, strata and the terms
// and levels of a match explanation. A code this file does not know is
// shown as it is.

import { get } from './api';
import { currentLang, t, type Key } from './i18n';

interface EventType { code: string; en: string; ko: string }
interface Place { id: string; name: string; hangul: string; kind: string }

let events = new Map<string, EventType>();
let places = new Map<string, Place>();

// Fetches the taxonomy and the gazetteer once (every role may read them);
// the functions below read what is loaded.
let loading: Promise<void> | null = null;
export function loadReference(): Promise<void> {
  loading ??= Promise.all([get('/api/events'), get('/api/places')]).then(([e, p]) => {
    events = new Map((e.events as EventType[]).map((x) => [x.code, x]));
    places = new Map((p.places as Place[]).map((x) => [x.id, x]));
  }).catch((err) => { loading = null; throw err; });
  return loading;
}

export const eventTypes = () => [...events.values()];

export function eventName(code: string | null | undefined): string {
  if (!code) return '';
  const e = events.get(code);
  return e ? (currentLang() === 'ko' ? e.ko : e.en) : code;
}

// A gazetteer id ("kwanliso-15") as its name; other text as written.
export function placeName(id: string): string {
  const p = places.get(id);
  if (!p) return id;
  return currentLang() === 'ko' ? p.hangul || p.name : p.name || p.hangul;
}

export function sexName(code: string | null | undefined): string {
  if (code === 'M') return t('sexM');
  if (code === 'F') return t('sexF');
  return code ?? '';
}

const precisions: Record<string, Key> = {
  day: 'precisionDay', month: 'precisionMonth', season: 'precisionSeason',
  year: 'precisionYear', years: 'precisionYears', decade: 'precisionDecade',
};
export const precisionName = (code: string) => (precisions[code] ? t(precisions[code]) : code);

const placeKinds: Record<string, Key> = {
  province: 'kindProvince', special_city: 'kindSpecialCity', city: 'kindCity', county: 'kindCounty',
  district: 'kindDistrict', kwanliso: 'kindKwanliso', kyohwaso: 'kindKyohwaso', jipkyulso: 'kindJipkyulso',
  rodong_danryeondae: 'kindRodong', ssd_detention: 'kindSsd',
};
export const placeKindName = (code: string) => (placeKinds[code] ? t(placeKinds[code]) : code);

// The columns an estimate can be stratified by.
export const strataColumns: [string, Key][] = [['event_place', 'termEventPlace'], ['year', 'year'], ['sex', 'sex'], ['event', 'event']];

export function stratumColumnName(column: string): string {
  const found = strataColumns.find(([c]) => c === column);
  return found ? t(found[1]) : column;
}

export function stratumValueName(column: string, value: string): string {
  if (value === 'unknown') return t('stratumBlank');
  if (value === 'unresolved') return t('stratumUnresolved');
  if (column === 'event') return eventName(value);
  if (column === 'sex') return sexName(value);
  if (column === 'event_place') return placeName(value);
  return value;
}

// A stratum as the API writes it ({"event_place": "kwanliso-15"}, or the
// label "event_place=kwanliso-15, sex=M"; "all" or nothing for the whole).
export function stratumName(stratum: Record<string, string> | string | null | undefined): string {
  const pairs: [string, string][] = typeof stratum === 'string'
    ? (stratum === 'all' || stratum === '' ? [] : stratum.split(', ').map((kv) => {
      const at = kv.indexOf('=');
      return at < 0 ? ['', kv] : [kv.slice(0, at), kv.slice(at + 1)];
    }))
    : Object.entries(stratum ?? {});
  if (pairs.length === 0) return t('stratumAll');
  return pairs.map(([c, v]) => (c ? `${stratumColumnName(c)}: ${stratumValueName(c, v)}` : v)).join(', ');
}

// The waterfall's terms (link/explain.cpp): the prior, each comparison of
// the default settings, and "tf:NAME" for a term-frequency adjustment.
const terms: Record<string, Key> = {
  prior: 'termPrior', name: 'termName', sex: 'termSex', birth_year: 'termBirthYear', origin: 'termOrigin',
  event_date: 'termEventDate', event_place: 'termEventPlace',
  "reviewers' calibration": 'termReviewersCalibration',
};
export function termName(term: string): string {
  if (term.startsWith('tf:')) return t('termFrequency').replace('{term}', termName(term.slice(3)));
  return terms[term] ? t(terms[term]) : term;
}

const nameLevels: Record<string, Key> = {
  exact: 'nameExact', candidate_overlap: 'nameCandidateOverlap', phonetic_key: 'namePhoneticKey',
  jamo_edit1: 'nameJamoEdit1', surname_given_similar: 'nameSurnameGivenSimilar', none: 'nameNone',
};
const levels: Record<string, Key> = {
  null: 'levelNull', else: 'levelElse', exact: 'levelExact', overlap: 'levelOverlap',
  place_equal: 'levelPlaceEqual', place_within: 'levelPlaceWithin', 'term frequency': 'levelFrequency',
  any: 'levelAny',
};
const conditions: Record<string, Key> = { event: 'conditionEvent' };

// A comparison level's label (link/comparison_level.cpp: "exact",
// "within <= 2", "korean_name >= phonetic_key") for the comparison TERM.
export function levelName(term: string, level: string | undefined): string {
  if (!level) return '';
  // A level of one case of the comparison's condition column
  // (link/comparison.cpp): "same event: overlap", "different event: within <= 366".
  const byCase = /^(same|different) (\S+): (.*)$/.exec(level);
  if (byCase) {
    const column = conditions[byCase[2]] ? t(conditions[byCase[2]]) : byCase[2];
    return (byCase[1] === 'same' ? t('levelSameCase') : t('levelDifferentCase'))
      .replace('{column}', column)
      .replace('{level}', levelName(term, byCase[3]));
  }
  if (levels[level]) return t(levels[level]);
  const fitted = /^fitted on (\d+) decisions$/.exec(level);
  if (fitted) return t('levelFittedOn').replace('{n}', fitted[1]);
  const name = /^korean_name >= (\w+)$/.exec(level);
  if (name && nameLevels[name[1]]) return t('levelName').replace('{level}', t(nameLevels[name[1]]));
  const within = /^within <= ([\d.]+)$/.exec(level);
  if (within) {
    const unit = term === 'event_date' ? t('unitDays') : term === 'birth_year' ? t('unitYears') : '';
    return t('levelWithin').replace('{n}', within[1]).replace('{unit}', unit).replace(/ $/, '');
  }
  return level;
}

// A compared value (link/explain.cpp): one read from the comparison's
// fallback column ends in " (event_place)".
export function comparedValue(value: string | undefined): string {
  if (!value) return '';
  return value.endsWith(' (event_place)') ? `${value.slice(0, -' (event_place)'.length)} ${t('fromEventPlace')}` : value;
}
