// Administrators manage users.

import { get, post } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { showError, status } from '../main';

export async function usersView(main: HTMLElement) {
  const r = await get('/api/users');
  const name = h('input', { id: 'u-name', required: true, pattern: '[A-Za-z0-9._-]{1,64}' });
  const role = h('select', { id: 'u-role' }, ['documenter', 'reviewer', 'analyst', 'administrator'].map((x) => h('option', { value: x }, x)));
  const password = h('input', { id: 'u-password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  main.append(h('h1', {}, t('usersTitle')),
    h('table', { class: 'card' }, h('thead', {}, h('tr', {}, h('th', {}, t('user')), h('th', {}, t('role')), h('th', {}, ''))),
      h('tbody', {}, (r.users as any[]).map((u) => h('tr', {}, h('td', {}, u.name), h('td', {}, u.role), h('td', {}, u.created_at))))),
    h('form', { class: 'card row', onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        await post('/api/users', { name: name.value, role: role.value, password: password.value });
        status(`${t('addUser')}: ${name.value}`);
        location.reload();
      } catch (err) { showError(err); }
    } },
      h('div', {}, h('label', { for: 'u-name' }, t('user')), name),
      h('div', {}, h('label', { for: 'u-role' }, t('role')), role),
      h('div', {}, h('label', { for: 'u-password' }, t('password')), password),
      h('div', {}, h('button', { type: 'submit', class: 'primary' }, t('addUser')))));
}
