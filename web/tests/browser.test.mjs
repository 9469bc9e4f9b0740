// Browser tests (playwright-core driving Debian's chromium): log in, enter
// a testimony in Korean, find it by a romanized spelling, see the person
// page, check that injected markup stays inert, decide a review pair with
// the keyboard, see the estimate chart and the map, switch the language.
// Screenshots go to docs/web-*.png.
// Usage: node browser.test.mjs BASE_URL SCREENSHOT_DIR PASSWORD

import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots, password] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'uncounted-chromium-'));
let failures = 0;
const check = (ok, what) => {
  if (ok) console.log(`ok - ${what}`);
  else { failures++; console.log(`not ok - ${what}`); }
};

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  locale: 'ko-KR',
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15000);
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
// Nothing may leave loopback: no CDN, no tiles, no fonts from elsewhere.
const foreign = [];
page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url()); });

// One-time codes (RFC 6238) for the administrator, who must enrol them at
// the first login (serve's default --admin-totp required).
let adminKey = null;
let adminLastStep = 0;
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out = [];
  let buffer = 0, bits = 0;
  for (const c of text) {
    buffer = (buffer << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { out.push((buffer >> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}
function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const o = mac[19] & 15;
  const n = (((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3]) % 1000000;
  return String(n).padStart(6, '0');
}
const stepNow = () => Math.floor(Date.now() / 30000);
// A code the server has not seen: a used step never comes back, and the
// server takes one step ahead at most, so wait when both are spent.
async function nextCode() {
  for (;;) {
    const step = Math.max(stepNow(), adminLastStep + 1);
    if (step <= stepNow() + 1) { adminLastStep = step; return totp(adminKey, step); }
    await page.waitForTimeout(1000);
  }
}
async function adminEnrols() {
  await page.waitForSelector('#totp-required');
  const links = await page.$$eval('nav a', (as) => as.map((a) => a.getAttribute('href')));
  check(links.length === 1 && links[0] === '#/account', `an administrator without codes sees only "My account" (${links.join(' ')})`);
  await page.goto(base + '#/users');
  await page.waitForSelector('#totp-setup');
  check(!(await page.$('#users-table')), 'and cannot open the users page');
  await page.click('#totp-start');
  await page.waitForSelector('#totp-key');
  adminKey = base32Decode(await page.getAttribute('#totp-key', 'data-key'));
  await page.screenshot({ path: join(shots, 'web-totp.png') });
  const wrong = totp(adminKey, stepNow()) === '000000' ? '000001' : '000000';
  await page.fill('#totp-code', wrong);
  await page.click('#totp-confirm button');
  await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
  check(!!(await page.$('#totp-key')), 'a wrong code enrols nothing');
  adminLastStep = stepNow();
  await page.fill('#totp-code', totp(adminKey, adminLastStep));
  await page.click('#totp-confirm button');
  await page.waitForSelector('#login-user');
  check((await page.textContent('#status')).includes('일회용 코드가 설정되었습니다'), 'the administrator enrols one-time codes on the web and logs in again');
  await page.fill('#login-user', 'admin');
  await page.fill('#login-password', password);
  await page.keyboard.press('Enter');
}
async function login(user) {
  await page.goto(base);
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.keyboard.press('Enter');
  if (user === 'admin') {
    if (!adminKey) await adminEnrols();
    await page.waitForSelector('#login-code-field:not([hidden])');
    await page.fill('#login-code', await nextCode());
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('nav a');
}
async function loginWith(user, pw) {
  await page.goto(base);
  await page.waitForSelector('#login-user');
  await page.fill('#login-user', user);
  await page.fill('#login-password', pw);
  await page.keyboard.press('Enter');
  await page.waitForSelector('nav a');
}
async function logout() {
  await page.click('text=로그아웃');
  await page.waitForSelector('#login-user');
}

try {
  // Korean first.
  await page.goto(base);
  await page.waitForSelector('#login-user');
  check((await page.textContent('h1')) === '로그인', 'the login page is in Korean first');
  await page.screenshot({ path: join(shots, 'web-login.png') });

  // A wrong password is refused with a message.
  await page.fill('#login-user', 'doc');
  await page.fill('#login-password', 'wrong password');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#status.error');
  check(true, 'a wrong password shows an error');
  // In Korean: the server's English message is shown translated, and said
  // again in English when the language is switched (and back).
  const refused = await page.textContent('#status');
  check(refused.includes('사용자 이름이나 비밀번호가 틀립니다') && !/wrong user name/.test(refused),
    `the refusal is in Korean (${refused})`);
  await page.click('button.lang');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Log in');
  check((await page.textContent('#status')).includes('wrong user name or password'), 'the status bar switches language with the interface');
  await page.click('button.lang');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '로그인');
  check((await page.textContent('#status')).includes('사용자 이름이나 비밀번호가 틀립니다'), 'and back to Korean');

  // Testimony entry, in Korean, with the keyboard where it matters.
  await login('doc');
  await page.waitForSelector('#t-source');
  await page.waitForTimeout(500);  // a second drawing, if any, has landed by now
  check(await page.evaluate(() => document.querySelectorAll('#t-source').length) === 1,
        'the view is drawn once after login (no duplicate form or ids)');
  // At a phone's width (390 px) the testimony form fits: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(shots, 'web-testimony-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  check(wide <= 390, `the testimony page fits 390 px (${wide} px wide)`);
  // Codes shown by their names: the organization code's rule before it is
  // broken, a person not yet named by number, event types in Korean.
  check((await page.textContent('#t-source-hint')).includes('NKDB'), 'the organization code says what it may hold');
  const roleLabel = await page.textContent('label[for="e0-role0"]');
  check(roleLabel.includes('인물 1') && !/\bp\d/.test(roleLabel), `a person without a name is "인물 1", not a reference (${roleLabel})`);
  const eventOptions = await page.textContent('#e0-type');
  check(eventOptions.includes('관리소 구금') && !eventOptions.includes('detention_kwanliso'), 'event types are named in Korean');
  await page.fill('#t-source', 'WEB');
  await page.check('#t-consent');
  await page.fill('#p0-name', '박영철');
  await page.waitForSelector('#p0-name-suggest button');
  const readings = await page.textContent('#p0-name-suggest');
  check(readings.includes('Pak Yong Chol') || readings.includes('Bak Yeongcheol'), 'live name suggestions show romanizations');
  await page.selectOption('#p0-sex', 'M');
  await page.selectOption('#e0-type', 'detention_kwanliso');
  await page.fill('#e0-date', '2009년 봄');
  await page.waitForFunction(() => document.querySelector('#e0-date-understood')?.textContent?.includes('2009-03-01'));
  check((await page.textContent('#e0-date-understood')).includes('2009-05-31'), 'the fuzzy date shows the interval understood');
  await page.fill('#e0-place', '요덕');
  await page.waitForSelector('#e0-place-suggest button');
  await page.focus('#e0-place-suggest button');
  await page.keyboard.press('Enter');
  check((await page.inputValue('#e0-place')).includes('요덕'), 'a gazetteer suggestion is chosen with the keyboard');
  await page.selectOption('#e0-role0', 'victim');
  await page.fill('#t-narrative', '2009년 봄에 요덕으로 끌려갔다고 증언함.');
  await page.waitForFunction(() => document.querySelector('#draft-state')?.textContent !== '');
  check(true, 'the draft is saved as you type');
  // The draft survives a reload.
  await page.reload();
  await page.waitForSelector('#t-source');
  check((await page.inputValue('#p0-name')) === '박영철', 'the draft is restored after a reload');
  await page.screenshot({ path: join(shots, 'web-testimony.png'), fullPage: true });
  // The restored draft already put a message in #status: wait for the
  // answer to this save (saved, or an error), then look at it.
  await page.click('#save-testimony');
  await page.waitForFunction(() => {
    const s = document.querySelector('#status');
    return s && (s.classList.contains('error') || s.textContent.includes('WEB'));
  });
  const saved = await page.textContent('#status');
  check(saved.includes('WEB'), `the testimony is saved (${saved})`);

  // Markup in a name is shown as text and never runs.
  await page.fill('#t-source', 'WEB');
  await page.check('#t-consent');
  await page.fill('#p0-name', '<img src=x onerror="window.__pwned=1">Kim');
  await page.selectOption('#e0-role0', 'victim');
  await page.click('#save-testimony');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('WEB'));
  // A source in Hangul is refused by the server, in Korean (once the saved
  // form is emptied).
  await page.waitForFunction(() => document.querySelector('#p0-name')?.value === '');
  await page.fill('#t-source', '북한인권');
  await page.check('#t-consent');
  await page.selectOption('#e0-role0', 'victim');
  await page.click('#save-testimony');
  await page.waitForSelector('#status.error');
  const sourceRefused = await page.textContent('#status');
  check(sourceRefused.includes('영문자') && !/may contain only/.test(sourceRefused), `a refused organization code is explained in Korean (${sourceRefused})`);
  // The views below must show no code the interface has a name for.
  const rawCodes = /detention_kwanliso|detention_kyohwaso|forced_repatriation|non_match|korean_name|birth_year|event_place|administrator|documenter|reviewer\b|analyst\b/;

  // Search by a romanized spelling finds the Hangul record.
  await page.goto(base + '#/search');
  await page.fill('#search-q', 'Pak Yong Chol');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#search-results table');
  const found = await page.textContent('#search-results');
  check(found.includes('박영철'), 'a romanized spelling finds the record written in Hangul');
  check(found.includes('관리소 구금') && !rawCodes.test(found), 'search results name the event in Korean, no codes');
  await page.screenshot({ path: join(shots, 'web-search.png'), fullPage: true });
  // Persons, a page at a time: a common letter finds more than a page.
  await page.fill('#search-q', 'o');
  await page.keyboard.press('Enter');
  // The previous search's summary is still there until this one answers.
  await page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.includes('1–20'));
  const pageOne = await page.$$eval('#search-results tbody.person-hit', (bs) => bs.map((b) => b.querySelectorAll('a').length + ':' + b.querySelector('a')?.getAttribute('href')));
  check(pageOne.length === 20 && pageOne.every((x) => x.startsWith('1:')), `search lists persons, 20 a page, one link each (${pageOne.length})`);
  const summary1 = await page.textContent('#search-summary');
  check(/인물 \d+명 \(기록 \d+건\) 중 1–20/.test(summary1), `the search says how many persons and records, and which (${summary1})`);
  if (!(await page.getAttribute('#search-next', 'disabled') !== null)) {
    await page.click('#search-next');
    await page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.includes('21–'));
    const pageTwo = await page.$$eval('#search-results tbody.person-hit a', (as) => as.map((a) => a.getAttribute('href')));
    check(pageTwo.length > 0 && !pageTwo.some((x) => pageOne.some((y) => y.endsWith(x))), 'the next page holds other persons');
  } else {
    check(false, `a common letter finds more than one page of persons (${summary1})`);
  }
  await page.fill('#search-q', 'onerror');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#search-results')?.textContent?.includes('onerror'));
  check(await page.evaluate(() => window.__pwned === undefined && document.querySelectorAll('#search-results img').length === 0),
    'injected markup is rendered inert');
  await page.goto(base + '#/search');
  await page.fill('#search-q', 'Pak Yong Chol');
  await page.keyboard.press('Enter');
  // The imported lists hold a Pak Yong Chol too: open the row of the record
  // entered above.
  await page.click('#search-results tr:has-text("WEB") a');
  await page.waitForSelector('#person-records');
  check((await page.textContent('#person-records')).includes('WEB'), 'the person page lists the record and its source');
  check((await page.textContent('#person-explanation')).includes('연계되지 않았습니다'), 'an unlinked record\'s page says it is linked to nothing, not an empty card');
  await logout();

  // Review: run linkage, decide a pair with the keyboard.
  await login('rev');
  await page.goto(base + '#/review');
  // Before linkage runs the queue shows as empty: wait for linkage to
  // answer (done, or an error) before looking at it.
  await page.click('#run-link');
  await page.waitForFunction(() => {
    const s = document.querySelector('#status');
    return s && (s.classList.contains('error') || s.textContent.includes('연계 완료'));
  }, null, { timeout: 60000 });
  await page.waitForSelector('#decide-match, #queue-empty', { timeout: 60000 });
  if (await page.$('#decide-match')) {
    await page.screenshot({ path: join(shots, 'web-review.png'), fullPage: true });
    const before = await page.textContent('#review-area');
    const sexes = await page.$$eval('#review-area dt', (dts) => dts.filter((d) => d.textContent === '성별').map((d) => d.nextElementSibling.textContent));
    check(sexes.length === 2 && sexes.every((x) => ['남', '여', '—'].includes(x)), `sex is 남 / 여, not M / F (${sexes.join(', ')})`);
    const remaining = async () => Number(await page.getAttribute('#review-remaining', 'data-remaining'));
    const shownPair = () => page.getAttribute('#review-area', 'data-pair');
    // Settled: the next pair can be decided, or none is left.
    const settle = () => page.waitForFunction(() => (document.querySelector('#decide-match') && !document.querySelector('#decide-match').hasAttribute('disabled')) || document.querySelector('#queue-empty'));
    const left0 = await remaining();
    check(left0 > 0 && (await page.textContent('#review-remaining')).includes(String(left0)), `the review says how many pairs are left (${left0})`);
    // The decision buttons are not under the status bar at 1280x900.
    const covered = await page.$$eval('#review-area .buttons button', (bs) => bs.filter((b) => {
      const r = b.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) !== b;
    }).length);
    check(covered === 0, `no decision button is covered (${covered} covered)`);
    const pair0 = await shownPair();
    // A key pressed the moment a pair appears decides nothing (it is not seen yet).
    await page.keyboard.press('n');
    await page.waitForTimeout(150);
    check((await remaining()) === left0 && (await shownPair()) === pair0, 'a key before the pair has been on screen decides nothing');
    await page.waitForTimeout(400);
    // Two presses 100 ms apart decide one pair, the one on screen.
    await page.keyboard.press('n');
    await page.waitForTimeout(100);
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('다른 사람'));
    await settle();
    await page.waitForTimeout(300);
    check(true, 'a review pair is decided with the keyboard (N)');
    check((await remaining()) === left0 - 1, `two quick presses decided one pair (left ${await remaining()}, was ${left0})`);
    check((await shownPair()) !== pair0, 'the next pair is shown after a decision');
    // Undo brings back the pair decided, and the count.
    await page.click('#review-undo');
    await page.waitForFunction(() => {
      const s = document.querySelector('#status');
      return s && (s.classList.contains('error') || s.textContent.includes('되돌림'));
    });
    await settle();
    check((await shownPair()) === pair0 && (await remaining()) === left0, `undo shows the pair again and counts it (${await shownPair()}, ${await remaining()}; ${await page.textContent('#status')})`);
    // M then U at once: only M is saved (U comes while M is being saved).
    await page.waitForTimeout(450);
    await page.keyboard.press('m');
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('같은 사람'));
    await settle();
    await page.waitForTimeout(300);
    check((await remaining()) === left0 - 1 && !(await page.textContent('#status')).includes('불확실'), 'M then U at once saves M only');
    check(before.length > 0, 'two records are shown side by side');
    check(!rawCodes.test(before) && !/\(null\)|\(else\)|\bprior\b|same event|different event/.test(before), 'the review pair and its explanation show no codes in Korean');
  } else {
    check(false, `the review queue has a pair after linkage (${await page.textContent('#status')})`);
  }
  // A person page with its match explanation.
  await page.goto(base + '#/search');
  await page.fill('#search-q', 'Pak Yong Chol');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#search-results a');
  await page.click('#search-results a');
  await page.waitForSelector('#person-records');
  await page.screenshot({ path: join(shots, 'web-person.png'), fullPage: true });
  await logout();

  // Estimates and the map, as an analyst.
  await login('ana');
  await page.goto(base + '#/estimates');
  await page.waitForSelector('#est-strata');
  const strataOptions = await page.textContent('#est-strata');
  check(strataOptions.includes('사건 장소') && !rawCodes.test(strataOptions), `strata options are named in Korean (${strataOptions})`);
  await page.click('#run-estimate');
  await page.waitForSelector('#estimate-chart .estimate-point', { timeout: 90000 });
  check((await page.$$('#estimate-chart .estimate-point')).length >= 1, 'the estimate chart shows estimates with intervals');
  check(((await page.$('#small-lists')) ? await page.textContent('#small-lists') : '').includes('WEB'), 'the testimonies entered on the web are no fifth list, and the dashboard says so');
  // The estimators' own warnings, per stratum, all said in Korean.
  const stratumWarnings = (await page.$('#stratum-warnings')) ? await page.textContent('#stratum-warnings') : '';
  const untranslated = (await page.$$eval('#stratum-warnings li', (lis) => lis.map((li) => li.textContent))).filter((w) => !/[가-힣]/.test(w.slice(w.indexOf(':'))));
  check(stratumWarnings.includes('층별 경고') && (await page.$$('#stratum-warnings li')).length >= 1 && untranslated.length === 0, `the dashboard lists the strata's warnings in Korean (${untranslated.length ? untranslated.join(' | ') : stratumWarnings.slice(0, 160)})`);
  const quality = (await page.$('#linkage-quality')) ? await page.textContent('#linkage-quality') : '';
  check(/정밀도 0\.\d{3}, 재현율 0\.\d{3}/.test(quality) && /이름 없는 기록 \d+건/.test(quality) && !/[{}]/.test(quality), `the dashboard says what the linkage itself expects of its accuracy (${quality.slice(40, 130)})`);
  await page.waitForSelector('#sensitivity-chart polyline', { timeout: 90000 });
  check((await page.$$('#sensitivity-chart polyline')).length >= 1, 'the sensitivity chart draws a line per method against the linkage threshold');
  check(/임계값|threshold/.test(await page.textContent('#sensitivity')), 'the sensitivity card explains itself');
  await page.screenshot({ path: join(shots, 'web-estimates.png'), fullPage: true });
  // A long estimate shows its progress and can be cancelled (the request
  // is made long on its way out: many plausible linkages, long chains).
  await page.route('**/api/estimates', async (route) => {
    const body = JSON.parse(route.request().postData() || '{}');
    if (body.background) Object.assign(body, { linkage_draws: 50, iterations: 200000, burn_in: 50000 });
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.click('#run-estimate');
  await page.waitForFunction(() => /연계 \d+\/50/.test(document.querySelector('#estimate-progress-text')?.textContent ?? ''), null, { timeout: 60000 });
  check(true, `a running estimate shows its progress (${await page.textContent('#estimate-progress-text')})`);
  await page.click('#estimate-cancel');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('취소했습니다'), null, { timeout: 90000 });
  check(!(await page.$('#estimate-chart')) && !(await page.$('#estimate-progress')), 'a cancelled estimate stops and shows nothing');
  await page.unroute('**/api/estimates');
  await page.goto(base + '#/map');
  await page.waitForSelector('#place-map .facility');
  check((await page.$$('#place-map .facility')).length > 10, 'the map shows facilities from the gazetteer');
  const documentedRows = await page.$$eval('#place-counts tbody tr', (rs) => rs.map((r) => r.textContent));
  check(documentedRows.length >= 1 && (await page.$$('#place-map .facility.documented')).length === documentedRows.length,
    `the map shows how many records each facility holds, beside it (${documentedRows.slice(0, 3).join(' | ')})`);
  await page.screenshot({ path: join(shots, 'web-map.png'), fullPage: true });
  await page.screenshot({ path: join(shots, 'web-map.png') });
  const kinds = await page.$$eval('#place-map ~ * td:nth-child(2), details td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
  check(kinds.length > 10 && kinds.every((k) => !/^(kwanliso|kyohwaso|jipkyulso|rodong_danryeondae|ssd_detention)$/.test(k)), 'facility kinds are named in Korean');
  await page.goto(base + '#/records');
  await page.waitForSelector('table tbody tr');
  const pseudo = await page.textContent('main');
  check(!rawCodes.test(pseudo) && !/\bM\b|\bF\b/.test(await page.$$eval('tbody td:nth-child(4)', (tds) => tds.map((t) => t.textContent).join(' '))),
    'pseudonymized records name their columns, events and sexes in Korean');
  // A page the analyst may not open says so.
  await page.goto(base + '#/testimony');
  await page.waitForSelector('#status.error');
  check(/역할|role/.test(await page.textContent('#status')), 'a forbidden page is said to be so, not silently replaced');
  // The analyst cannot reach identifying search (the server says 403).
  const status = await page.evaluate(async () => (await fetch('/api/search?q=kim')).status);
  check(status === 403, 'an analyst is refused the identifying search');

  await logout();

  // Accounts, as an administrator: a weak password refused, an account
  // added and re-roled; its owner changes their password (the session ends);
  // then it is disabled and deleted, and the audit log shows every step.
  await login('admin');
  await page.goto(base + '#/users');
  await page.waitForSelector('#users-table');
  await page.fill('#u-name', 'bad name!');
  check(await page.evaluate(() => document.querySelector('#u-name').validity.patternMismatch),
    'the user-name rule works in Chromium (a name with a space and ! is refused before sending)');
  await page.fill('#u-name', 'temp');
  await page.selectOption('#u-role', 'reviewer');
  await page.fill('#u-password', 'password123');
  await page.click('form button.primary');
  await page.waitForSelector('#status.error');
  check(/추측하기 너무 쉽/.test(await page.textContent('#status')), 'a weak password is refused with a reason, in Korean');
  await page.fill('#u-password', 'amber falcon 73 quarry');
  await page.click('form button.primary');
  await page.waitForSelector('tr[data-user="temp"]');
  check(true, 'an administrator adds an account');
  await page.selectOption('tr[data-user="temp"] select.u-role', 'analyst');
  // The row drawn again from the server's answer marks the stored role.
  await page.waitForSelector('tr[data-user="temp"] option[value="analyst"][selected]', { state: 'attached' });
  check(true, 'an administrator changes its role');
  await page.screenshot({ path: join(shots, 'web-users.png'), fullPage: true });
  const usersText = await page.textContent('#users-table') + await page.textContent('header');
  check(usersText.includes('관리자') && !rawCodes.test(usersText), 'roles are named in Korean (관리자, not administrator)');
  await logout();
  await loginWith('temp', 'amber falcon 73 quarry');
  await page.goto(base + '#/account');
  await page.fill('#a-current', 'amber falcon 73 quarry');
  await page.fill('#a-new', 'copper meadow 41 lantern');
  await page.fill('#a-again', 'copper meadow 41 lantern');
  await page.click('#account-form button.primary');
  await page.waitForSelector('#login-user');
  check(true, 'changing one\'s own password ends the session and returns to login');
  await loginWith('temp', 'copper meadow 41 lantern');
  check(true, 'the new password works');
  await logout();
  await login('admin');
  await page.goto(base + '#/users');
  await page.click('tr[data-user="temp"] button.u-toggle');
  await page.waitForFunction(() => document.querySelector('tr[data-user="temp"]')?.classList.contains('disabled'));
  check(true, 'an administrator disables an account');
  page.once('dialog', (d) => d.accept());
  await page.click('tr[data-user="temp"] button.u-delete');
  await page.waitForFunction(() => !document.querySelector('tr[data-user="temp"]'));
  check(true, 'and deletes it');
  await page.goto(base + '#/audit');
  await page.waitForSelector('#audit-table tbody tr');
  check((await page.textContent('#status')) === '', 'a message of another page does not follow to this one');
  const auditText = await page.textContent('#audit-table');
  check(['user_add', 'user_role', 'user_password', 'user_disable', 'user_delete'].every((a) => auditText.includes(a)),
    'the audit log shows every account change');
  await page.waitForSelector('#audit-verdict.ok');
  check(true, 'the audit chain and head are intact, on the web');
  await page.screenshot({ path: join(shots, 'web-audit.png'), fullPage: true });
  await page.goto(base + '#/map');
  await page.waitForSelector('#place-map .facility');

  // English on request.
  await page.click('button.lang');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Map of places and facilities');
  check(true, 'the interface switches to English');
  await page.click('button.lang');
} catch (e) {
  failures++;
  console.log(`not ok - ${e.message.split('\n')[0]}`);
  await page.screenshot({ path: join(shots, 'web-failure.png'), fullPage: true }).catch(() => {});
} finally {
  check(pageErrors.length === 0, `no script errors in the page ${pageErrors.join('; ')}`);
  check(foreign.length === 0, `no request leaves the server ${foreign.join(' ')}`);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures === 0 ? 'browser tests passed' : `${failures} browser test(s) failed`);
process.exit(failures === 0 ? 0 : 1);
