// Everyone changes their own password here: the current one first. Every
// session of the account ends, this one too, and the login form returns.

import { post } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { showError, status, sessionEnded } from '../main';

export function accountView(main: HTMLElement) {
  const current = h('input', { id: 'a-current', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'a-new', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const again = h('input', { id: 'a-again', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  main.append(h('h1', {}, t('accountTitle')),
    h('form', { class: 'card', id: 'account-form', onsubmit: async (e: Event) => {
      e.preventDefault();
      if (next.value !== again.value) {
        status(() => t('passwordsDiffer'), true);
        return;
      }
      try {
        await post('/api/account/password', { current_password: current.value, new_password: next.value });
        sessionEnded(() => t('passwordChanged'));
      } catch (err) { showError(err); }
    } },
      h('label', { for: 'a-current' }, t('currentPassword')), current,
      h('label', { for: 'a-new' }, t('newPassword')), next,
      h('label', { for: 'a-again' }, t('newPasswordAgain')), again,
      h('button', { type: 'submit', class: 'primary' }, t('changePassword')),
      h('p', { class: 'note' }, t('passwordRule'))));
}
