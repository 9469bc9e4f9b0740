// Load test over loopback: N concurrent sessions, each logged in as a
// documenter, entering testimonies (each with a unique testimony_id) and
// reading the list and their own testimonies back, for D seconds. Then it
// checks that every acknowledged write is in the store exactly once and
// that nothing else is, and prints latency percentiles per operation.
// Usage: node load.mjs BASE_URL USER PASSWORD [--sessions 50] [--seconds 60] [--markdown FILE]

import { appendFileSync } from 'node:fs';

const [base, user, password, ...rest] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};
const sessions = Number(option('--sessions', 50));
const seconds = Number(option('--seconds', 60));
const markdown = option('--markdown', '');

const latencies = { login: [], create: [], list: [], read: [] };
const errors = [];
const created = new Set();
const run = `load${Date.now().toString(36)}`;

async function request(kind, session, method, path, body) {
  const started = performance.now();
  const headers = { 'Content-Type': 'application/json' };
  if (session.cookie) headers.Cookie = session.cookie;
  if (session.csrf && method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  latencies[kind].push(performance.now() - started);
  if (!res.ok) throw new Error(`${kind} ${path}: ${res.status} ${data && data.error}`);
  return { res, data };
}

function testimony(id) {
  return {
    source: 'LOAD', testimony_id: id, consent: { given: true, scope: 'documentation' },
    people: [{ ref: 'p1', name: '김철수 (Kim Chol Su)', sex: 'M', birth_year: '1965' }],
    events: [{ ref: 'e1', event: 'detention_kwanliso', event_date: '2009년 봄', event_place: '요덕',
      participants: [{ person: 'p1', role: 'victim' }] }],
  };
}

async function session(n, deadline) {
  const s = {};
  const { res, data } = await request('login', s, 'POST', '/api/login', { user, password });
  s.cookie = res.headers.get('set-cookie').split(';')[0];
  s.csrf = data.csrf_token;
  let i = 0;
  while (performance.now() < deadline) {
    const id = `${run}-${n}-${i++}`;
    try {
      const { data: saved } = await request('create', s, 'POST', '/api/testimonies', testimony(id));
      created.add(id);
      await request('list', s, 'GET', '/api/testimonies?limit=20');
      const { data: back } = await request('read', s, 'GET', `/api/testimonies/${saved.id}`);
      if (back.testimony_id !== id) errors.push(`read back ${back.testimony_id} for ${id}`);
    } catch (e) {
      errors.push(String(e.message ?? e));
    }
  }
  return s;
}

const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const start = performance.now();
const all = await Promise.all(Array.from({ length: sessions }, (_, n) => session(n, start + seconds * 1000)));
const elapsed = (performance.now() - start) / 1000;

// Every acknowledged write is there once; no write of this run is there
// that was not acknowledged.
const stored = new Map();
for (let offset = 0; ; offset += 500) {
  const { data } = await request('list', all[0], 'GET', `/api/testimonies?limit=500&offset=${offset}`);
  for (const t of data.testimonies) {
    if (t.source === 'LOAD' && t.testimony_id.startsWith(run + '-')) stored.set(t.testimony_id, (stored.get(t.testimony_id) ?? 0) + 1);
  }
  if (data.testimonies.length < 500) break;
}
const lost = [...created].filter((id) => !stored.has(id));
const duplicated = [...stored].filter(([, n]) => n > 1).map(([id]) => id);
const unacknowledged = [...stored.keys()].filter((id) => !created.has(id));

const rows = Object.entries(latencies).map(([kind, xs]) =>
  `| ${kind} | ${xs.length} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 90).toFixed(1)} | ${percentile(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`);
const summary = [
  `${sessions} sessions for ${elapsed.toFixed(1)} s: ${created.size} testimonies written (${(created.size / elapsed).toFixed(1)}/s), ` +
    `${latencies.list.length + latencies.read.length} reads; errors ${errors.length}, lost ${lost.length}, duplicated ${duplicated.length}, unacknowledged ${unacknowledged.length}.`,
  '',
  '| operation | count | p50 ms | p90 ms | p99 ms | max ms |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
console.log(summary);
if (errors.length) console.log('first errors:', errors.slice(0, 5));
if (markdown) appendFileSync(markdown, summary + '\n');
const ok = errors.length === 0 && lost.length === 0 && duplicated.length === 0 && unacknowledged.length === 0 && created.size > 0;
process.exit(ok ? 0 : 1);
