// The single page: a login form, then a navigation bar with the views the
// user's role may use, routed by the URL's hash (#/search, #/person/12).

import './style.css';
import { ApiError, get, post, setCsrf, type SessionInfo } from './api';
import { clear, h } from './dom';
import { currentLang, roleName, setLang, t, type Key } from './i18n';
import { serverMessage } from './server_messages';
import { testimonyView } from './views/testimony';
import { searchView } from './views/search';
import { personView } from './views/person';
import { reviewView } from './views/review';
import { estimatesView } from './views/estimates';
import { mapView } from './views/map';
import { usersView } from './views/users';
import { accountView } from './views/account';
import { auditView } from './views/audit';
import { pseudonymizedView } from './views/pseudonymized';

type Role = SessionInfo['role'];
interface Route {
  path: string;
  label: Key;
  roles: Role[];
  view: (main: HTMLElement, arg?: string) => void | Promise<void>;
}

// The same roles as the server's endpoint table; the server enforces them,
// this only hides what would be refused.
const routes: Route[] = [
  { path: 'testimony', label: 'navTestimony', roles: ['documenter'], view: testimonyView },
  { path: 'search', label: 'navSearch', roles: ['documenter', 'reviewer'], view: searchView },
  { path: 'review', label: 'navReview', roles: ['reviewer'], view: reviewView },
  { path: 'estimates', label: 'navEstimates', roles: ['analyst'], view: estimatesView },
  { path: 'records', label: 'navRecords', roles: ['analyst'], view: pseudonymizedView },
  { path: 'map', label: 'navMap', roles: ['administrator', 'documenter', 'analyst', 'reviewer'], view: mapView },
  { path: 'users', label: 'navUsers', roles: ['administrator'], view: usersView },
  { path: 'audit', label: 'navAudit', roles: ['administrator'], view: auditView },
  { path: 'account', label: 'navAccount', roles: ['administrator', 'documenter', 'analyst', 'reviewer'], view: accountView },
];
const personRoute: Route = { path: 'person', label: 'personTitle', roles: ['documenter', 'reviewer'], view: personView };

let session: SessionInfo | null = null;
const main = document.getElementById('main')!;
const top = document.getElementById('top')!;

// A message belongs to the page it was said on: another page clears it
// (a "deleted: temp" no longer follows the user around). A message given
// as a function is said again in the other language when the user
// switches; a plain string cannot be, and is cleared then.
export type Say = string | (() => string);
let statusHash = '';
let said: Say = '';
export function status(message: Say, isError = false) {
  const el = document.getElementById('status')!;
  said = message;
  el.textContent = typeof message === 'function' ? message() : message;
  el.className = message === '' ? '' : isError ? 'error' : 'ok';
  statusHash = location.hash;
}
function clearStatus() {
  const el = document.getElementById('status')!;
  said = '';
  el.textContent = '';
  el.className = '';
}
function clearStaleStatus() {
  if (location.hash !== statusHash) clearStatus();
}
function sayAgain() {
  const el = document.getElementById('status')!;
  if (typeof said === 'function') el.textContent = said();
  else clearStatus();
}

// An error as the user reads it: a server's message in the interface's
// language (server_messages.ts), anything else as it is.
export const errorText = (e: unknown) => (e instanceof ApiError ? serverMessage(e.message) : String(e));

export function showError(e: unknown) {
  status(() => `${t('error')}: ${errorText(e)}`, true);
  if (e instanceof ApiError && e.status === 401) {
    session = null;
    render();
  }
}

function header() {
  clear(top);
  const langButton = h('button', {
    type: 'button', class: 'lang', lang: currentLang() === 'ko' ? 'en' : 'ko',
    onclick: async () => { setLang(currentLang() === 'ko' ? 'en' : 'ko'); await render(); sayAgain(); },
  }, t('switchLang'));
  const nav = h('nav', { 'aria-label': 'main' });
  if (session) {
    for (const r of allowedRoutes()) {
      const current = location.hash.startsWith('#/' + r.path);
      nav.appendChild(h('a', { href: '#/' + r.path, 'aria-current': current ? 'page' : undefined }, t(r.label)));
    }
  }
  top.append(
    h('div', { class: 'brand' }, h('strong', {}, 'uncounted'), ' ', h('span', {}, t('app'))),
    nav,
    h('div', { class: 'who' },
      session ? h('span', { class: 'user' }, `${session.user} · ${roleName(session.role)}`) : null,
      langButton,
      session ? h('button', { type: 'button', onclick: logout }, t('logout')) : null),
  );
}

// The server ended this session (a password change, say): back to login.
export function sessionEnded(message: Say) {
  session = null;
  setCsrf('');
  status(message);
  go('');
}

async function logout() {
  try { await post('/api/logout'); } catch { /* the session is gone either way */ }
  session = null;
  setCsrf('');
  go('');
}

// Shows the view at HASH once: a changed hash renders through 'hashchange',
// an unchanged one here (setting the hash and rendering as well drew every
// view twice after login, duplicate ids and all).
function go(hash: string) {
  const current = location.hash === '#' ? '' : location.hash;
  if (current !== hash) {
    location.hash = hash;
  } else {
    render();
  }
}

function loginView() {
  const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  // Shown when the account has one-time codes enrolled.
  const code = h('input', { id: 'login-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const codeField = h('div', { id: 'login-code-field', hidden: true }, h('label', { for: 'login-code' }, t('oneTimeCode')), code);
  const form = h('form', { class: 'login card', onsubmit: async (e: Event) => {
    e.preventDefault();
    try {
      const body: Record<string, string> = { user: user.value, password: password.value };
      if (!codeField.hidden) body.code = code.value;
      session = await post<SessionInfo>('/api/login', body);
      setCsrf(session.csrf_token);
      const first = allowedRoutes()[0];
      go('#/' + (first ? first.path : 'map'));
      const who = session.user;
      if (session.totp_enrollment_required) status(() => t('totpMustEnrol'));
      else status(() => `${t('welcome')}, ${who}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required' && codeField.hidden) {
        codeField.hidden = false;
        status(() => t('oneTimeCodeNeeded'));
        code.focus();
        return;
      }
      status(() => `${t('loginFailed')}: ${errorText(err)}`, true);
    }
  } },
    h('h1', {}, t('login')),
    h('label', { for: 'login-user' }, t('user')), user,
    h('label', { for: 'login-password' }, t('password')), password,
    codeField,
    h('button', { type: 'submit', class: 'primary' }, t('login')));
  main.appendChild(form);
  user.focus();
}

// The views this session may open: only "My account" for an administrator
// who must enrol one-time codes first.
function allowedRoutes() {
  if (!session) return [];
  if (session.totp_enrollment_required) return routes.filter((r) => r.path === 'account');
  return routes.filter((r) => r.roles.includes(session!.role));
}

// For views: the session as the server last said it.
export const currentSession = () => session;

async function render() {
  document.documentElement.lang = currentLang();
  header();
  clear(main);
  if (!session) {
    loginView();
    return;
  }
  clearStaleStatus();
  const [path, arg] = location.hash.replace(/^#\//, '').split('/');
  const open = session.totp_enrollment_required ? allowedRoutes() : [...routes, personRoute].filter((r) => r.roles.includes(session!.role));
  const allowed = open.find((r) => r.path === path);
  const route = allowed ?? allowedRoutes()[0];
  if (!route) return;
  try {
    await route.view(main, arg);
    // A page this role may not open is said so, not silently replaced.
    if (!allowed && [...routes, personRoute].some((r) => r.path === path)) status(() => t('notForYourRole'), true);
  } catch (e) {
    showError(e);
  }
}

window.addEventListener('hashchange', () => render());

// A reload keeps the session (the cookie); the CSRF token is asked again.
(async () => {
  setLang(currentLang());
  try {
    session = await get<SessionInfo>('/api/session');
    setCsrf(session.csrf_token);
  } catch {
    session = null;
  }
  render();
})();
