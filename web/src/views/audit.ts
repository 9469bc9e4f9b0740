// Administrators read the audit log (newest first, filtered by action or
// actor) and check its chain against its head.

import { get, q } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { serverMessage } from '../server_messages';

export async function auditView(main: HTMLElement) {
  const action = h('input', { id: 'audit-action', placeholder: 'import, export, user_add, …' });
  const actor = h('input', { id: 'audit-actor' });
  const body = h('tbody', {});
  const verdict = h('p', { id: 'audit-verdict', class: 'note' });
  const load = async () => {
    const r = await get('/api/audit' + q({ action: action.value, actor: actor.value, limit: 200 }));
    body.replaceChildren(...(r.entries as any[]).map((e) => h('tr', {},
      h('td', {}, e.seq), h('td', {}, e.at), h('td', {}, e.actor), h('td', {}, e.action),
      h('td', { class: 'details' }, JSON.stringify(e.details)))));
  };
  main.append(h('h1', {}, t('auditTitle')),
    h('form', { class: 'card row', onsubmit: (e: Event) => { e.preventDefault(); load(); } },
      h('div', {}, h('label', { for: 'audit-action' }, t('auditAction')), action),
      h('div', {}, h('label', { for: 'audit-actor' }, t('auditActor')), actor),
      h('div', {}, h('button', { type: 'submit', class: 'primary' }, t('filter')))),
    verdict,
    h('table', { class: 'card', id: 'audit-table' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('auditAt')), h('th', {}, t('auditActor')), h('th', {}, t('auditAction')), h('th', {}, t('auditDetails')))),
      body));
  await load();
  const v = await get('/api/audit/verify');
  verdict.textContent = v.ok ? `${t('auditIntact')} (${v.entries})` : `${t('auditBroken')}: ${serverMessage(v.reason)}`;
  verdict.className = v.ok ? 'note ok' : 'note error';
}
