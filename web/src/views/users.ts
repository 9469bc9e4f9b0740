// Administrators manage accounts: add, change role, disable or enable, set
// a password, delete. Every change ends the account's sessions (the server
// checks the account on every request) and is audited.

import { get, post } from '../api';
import { h } from '../dom';
import { t, roleName } from '../i18n';
import { showError, status } from '../main';

const roles = ['documenter', 'reviewer', 'analyst', 'administrator'] as const;

export async function usersView(main: HTMLElement) {
  await draw(main);
}

// Draws the view into HOST from the server's list, swapping the new nodes
// in at once (no blank moment); every action draws it again.
async function draw(host: HTMLElement) {
  const r = await get('/api/users');
  const act = async (what: () => Promise<unknown>, done: () => string) => {
    try {
      await what();
      status(done);
      await draw(host);
    } catch (err) { showError(err); }
  };
  const main = document.createDocumentFragment();
  const row = (u: any) => {
    const role = h('select', {
      'aria-label': `${t('role')}: ${u.name}`, class: 'u-role',
      onchange: () => act(() => post('/api/users/role', { name: u.name, role: role.value }), () => `${t('roleChanged')}: ${u.name}`),
    }, roles.map((x) => h('option', { value: x, selected: x === u.role }, roleName(x))));
    const newPassword = h('input', { type: 'password', autocomplete: 'new-password', minlength: 10, 'aria-label': `${t('newPassword')}: ${u.name}`, class: 'u-new-password' });
    return h('tr', { 'data-user': u.name, class: u.disabled ? 'disabled' : undefined },
      h('td', {}, u.name),
      h('td', {}, role),
      h('td', { class: 'u-state' }, u.disabled ? t('accountDisabled') : t('accountActive')),
      h('td', { class: 'u-totp' }, u.totp ? t('twoFactorOn') : t('twoFactorOff')),
      h('td', {}, u.created_at),
      h('td', {}, h('div', { class: 'row' },
        h('button', { type: 'button', class: 'u-toggle',
          onclick: () => act(() => post(u.disabled ? '/api/users/enable' : '/api/users/disable', { name: u.name }),
            () => `${u.disabled ? t('enable') : t('disable')}: ${u.name}`) },
        u.disabled ? t('enable') : t('disable')),
        newPassword,
        h('button', { type: 'button', class: 'u-reset',
          onclick: () => act(() => post('/api/users/password', { name: u.name, password: newPassword.value }), () => `${t('passwordSet')}: ${u.name}`) },
        t('setPassword')),
        h('button', { type: 'button', class: 'u-delete danger',
          onclick: () => { if (confirm(`${t('confirmDelete')} ${u.name}`)) act(() => post('/api/users/delete', { name: u.name }), () => `${t('deleted')}: ${u.name}`); } },
        t('deleteUser')))));
  };
  const name = h('input', { id: 'u-name', required: true, pattern: '[A-Za-z0-9._\\-]{1,64}' });
  const role = h('select', { id: 'u-role' }, roles.map((x) => h('option', { value: x }, roleName(x))));
  const password = h('input', { id: 'u-password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  main.append(h('h1', {}, t('usersTitle')),
    h('table', { class: 'card', id: 'users-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('user')), h('th', {}, t('role')), h('th', {}, t('accountState')), h('th', {}, t('twoFactor')), h('th', {}, t('created')), h('th', {}, ''))),
      h('tbody', {}, (r.users as any[]).map(row))),
    h('form', { class: 'card row', onsubmit: async (e: Event) => {
      e.preventDefault();
      const added = name.value;
      await act(() => post('/api/users', { name: name.value, role: role.value, password: password.value }), () => `${t('addUser')}: ${added}`);
    } },
      h('div', {}, h('label', { for: 'u-name' }, t('user')), name),
      h('div', {}, h('label', { for: 'u-role' }, t('role')), role),
      h('div', {}, h('label', { for: 'u-password' }, t('password')), password),
      h('div', {}, h('button', { type: 'submit', class: 'primary' }, t('addUser')))),
    h('p', { class: 'note' }, t('passwordRule')));
  host.replaceChildren(main);
}
