// Fails on an untranslated string of the web application:
// - every message the server can answer in {"error": ...} (read from the
//   C++ sources by server-messages.mjs) must have its Korean in
//   src/server_messages.ts, and an instance of it must come out in Korean;
// - every key of src/i18n.ts must have a text in both languages, the
//   Korean one not left in English, and every key the sources use must
//   exist.
// Needs no server and no browser. Usage: node i18n-coverage.test.mjs [REPO_ROOT]

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { serverMessages } from './server-messages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '../..'));
const web = join(root, 'web');
// The C++ folders whose errors reach the web: the server itself, the store
// and models it calls, the testimony and list readers, linkage and
// estimation as the server runs them, and the date parser.
const dirs = ['server', 'store', 'model', 'io', 'pipeline', 'dates'];

let failures = 0;
const check = (ok, what) => {
  if (ok) console.log(`ok - ${what}`);
  else { failures++; console.log(`not ok - ${what}`); }
};

// The TypeScript modules, compiled as they are (no bundler) into a scratch
// folder and imported; the browser globals i18n.ts reads are stubbed.
const scratch = mkdtempSync(join(tmpdir(), 'uncounted-i18n-'));
globalThis.localStorage = { getItem: () => 'ko', setItem: () => {} };
globalThis.document = { documentElement: {} };
for (const name of ['i18n', 'server_messages']) {
  const source = readFileSync(join(web, 'src', `${name}.ts`), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(join(scratch, `${name}.mjs`), js.replace(/from '\.\/(\w+)'/g, "from './$1.mjs'"));
}
const i18n = await import(pathToFileURL(join(scratch, 'i18n.mjs')));
const messages = await import(pathToFileURL(join(scratch, 'server_messages.mjs')));
rmSync(scratch, { recursive: true, force: true });

const hangul = /[\uac00-\ud7a3]/;

// 1. The server's messages.
const { templates, dynamic } = serverMessages(root, dirs);
const known = new Set(messages.knownServerMessages());
check(templates.size > 100, `the server's messages were found in src/{${dirs.join(',')}} (${templates.size})`);
const missing = [...templates.keys()].filter((m) => !known.has(m));
check(missing.length === 0, 'every server message has a Korean translation in web/src/server_messages.ts');
for (const m of missing) console.log(`#   untranslated: ${JSON.stringify(m)} (${templates.get(m).join(', ')})`);
// An instance ("'name' must be a string", with the " (testimony)" a library
// error carries) must come out in Korean, its values kept.
const wrong = [];
for (const template of known) {
  const instance = template.split('{}').map((part, i) => (i === 0 ? part : `X${i}` + part)).join('');
  for (const text of [instance, `${instance} (testimony)`]) {
    const ko = messages.koreanMessage(text);
    if (ko === null || !hangul.test(ko)) wrong.push(`${JSON.stringify(text)} -> ${JSON.stringify(ko)}`);
  }
  const values = template.split('{}').length - 1;
  const ko = messages.koreanMessage(template) ?? '';
  for (const [, i] of ko.matchAll(/\{(\d+)\}/g)) {
    if (Number(i) >= values) wrong.push(`${JSON.stringify(template)}: its Korean names a value {${i}} it does not have`);
  }
}
check(wrong.length === 0, 'every known server message is shown in Korean, with its values');
for (const w of wrong) console.log(`#   ${w}`);
check(messages.koreanMessage('a message nobody wrote') === null, 'an unknown server message is not invented (it is shown as the server wrote it)');
console.log(`# ${dynamic.length} messages are built at run time and cannot be read here: ${dynamic.join(' ')}`);

// 2. The interface's own texts: the keys of the objects `ko` and `en` in
// i18n.ts, read with TypeScript's parser, and their texts through t().
const i18nSource = ts.createSourceFile('i18n.ts', readFileSync(join(web, 'src', 'i18n.ts'), 'utf8'), ts.ScriptTarget.ES2022);
const declared = { ko: [], en: [] };
ts.forEachChild(i18nSource, function visit(node) {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text in declared &&
      node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
    declared[node.name.text] = node.initializer.properties.map((p) => p.name.text);
  }
  ts.forEachChild(node, visit);
});
const texts = { ko: {}, en: {} };
for (const lang of ['ko', 'en']) {
  i18n.setLang(lang);
  for (const key of declared[lang]) texts[lang][key] = i18n.t(key);
}
const keys = new Set([...Object.keys(texts.ko), ...Object.keys(texts.en)]);
check(keys.size > 100, `the interface's keys were read from src/i18n.ts (${keys.size})`);
const oneSided = [...keys].filter((k) => typeof texts.ko[k] !== 'string' || typeof texts.en[k] !== 'string' || !texts.ko[k] || !texts.en[k]);
check(oneSided.length === 0, 'every key has a text in Korean and in English');
for (const k of oneSided) console.log(`#   ${k}: ko ${JSON.stringify(texts.ko[k])}, en ${JSON.stringify(texts.en[k])}`);
// A Korean text with English words and no Hangul was left untranslated
// (a text of symbols or placeholders only, "{level}", passes).
const english = [...keys].filter((k) => /[A-Za-z]{3}/.test((texts.ko[k] ?? '').replace(/\{\w+\}|uncounted|LCMCR|dga|RR|MR|DPRK|ID|English/g, '')) && !hangul.test(texts.ko[k] ?? ''));
check(english.length === 0, 'no Korean text is left in English');
for (const k of english) console.log(`#   ${k}: ${JSON.stringify(texts.ko[k])}`);

// Every key the sources name: t('key'), and the keys of the tables that
// map codes to keys (Record<string, Key>, [string, Key][]).
const sources = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
const used = new Map();
for (const file of sources(join(web, 'src'))) {
  if (file.endsWith('i18n.ts')) continue;
  const text = readFileSync(file, 'utf8');
  for (const [, key] of text.matchAll(/\bt\(\s*'(\w+)'\s*\)/g)) used.set(key, file);
  for (const [, table] of text.matchAll(/Record<string, Key>\s*=\s*([\s\S]*?);\n/g)) {
    for (const [, key] of table.matchAll(/:\s*'(\w+)'/g)) used.set(key, file);
  }
  for (const [, table] of text.matchAll(/\[string, Key\]\[\]\s*=\s*([\s\S]*?);\n/g)) {
    for (const [, key] of table.matchAll(/\[\s*'\w+'\s*,\s*'(\w+)'\s*\]/g)) used.set(key, file);
  }
  for (const [, key] of text.matchAll(/label:\s*'(\w+)'/g)) used.set(key, file);
}
const unknownKeys = [...used.keys()].filter((k) => !keys.has(k));
check(used.size > 100 && unknownKeys.length === 0, `every key the views use (${used.size}) exists in both languages`);
for (const k of unknownKeys) console.log(`#   ${k} (${used.get(k)})`);

console.log(failures === 0 ? 'i18n coverage passed' : `i18n coverage: ${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
