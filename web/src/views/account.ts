// Everyone changes their own password here (the current one first; every
// session of the account ends, this one too, and the login form returns),
// and sets up one-time codes for an authenticator app: a key offered by the
// server, typed into the app, confirmed with the app's code. An
// administrator without codes is sent here and can go nowhere else until
// this is done.

import { post } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { currentSession, showError, status, sessionEnded } from '../main';

function passwordForm() {
  const current = h('input', { id: 'a-current', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'a-new', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const again = h('input', { id: 'a-again', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  return h('form', { class: 'card', id: 'account-form', onsubmit: async (e: Event) => {
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
    h('p', { class: 'note' }, t('passwordRule')));
}

// The key in groups of four, as authenticator apps show them.
const grouped = (key: string) => key.replace(/(.{4})/g, '$1 ').trim();

function totpCard() {
  const session = currentSession();
  const card = h('section', { class: 'card', id: 'totp-setup' }, h('h2', {}, t('totpTitle')));
  if (session?.totp) {
    card.append(h('p', { id: 'totp-enrolled' }, t('totpEnrolled')));
    return card;
  }
  if (session?.totp_enrollment_required) card.append(h('p', { class: 'note', id: 'totp-required' }, t('totpMustEnrol')));
  const start = h('button', { type: 'button', id: 'totp-start', class: 'primary', onclick: async () => {
    try {
      const offer = await post('/api/account/totp');
      start.remove();
      const code = h('input', { id: 'totp-code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true });
      card.append(
        h('p', {}, t('totpTypeKey')),
        h('p', {}, h('code', { id: 'totp-key', 'data-key': offer.secret }, grouped(offer.secret))),
        h('details', {}, h('summary', {}, t('totpUri')), h('code', { id: 'totp-uri' }, offer.uri)),
        h('form', { id: 'totp-confirm', onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            await post('/api/account/totp/confirm', { code: code.value });
            sessionEnded(() => t('totpDone'));
          } catch (err) { showError(err); }
        } },
          h('label', { for: 'totp-code' }, t('oneTimeCode')), code,
          h('button', { type: 'submit', class: 'primary' }, t('totpConfirm'))));
      code.focus();
    } catch (err) { showError(err); }
  } }, t('totpStart'));
  card.append(h('p', {}, t('totpWhy')), start);
  return card;
}

export function accountView(main: HTMLElement) {
  const session = currentSession();
  main.append(h('h1', {}, t('accountTitle')), totpCard());
  if (!session?.totp_enrollment_required) main.append(passwordForm());
}
