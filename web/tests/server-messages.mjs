// The messages the server can answer in {"error": ...}, read from the C++
// sources: every HttpError(status, MESSAGE) and every library error
// (usage_error, invalid_input, not_found, conflict, denied, runtime_error,
// corrupt), send_error(response, status, MESSAGE) and the audit check's
// broken(MESSAGE), whose MESSAGE is written in the call. A message built from
// pieces becomes a template with {} where a value goes ("the body is nested
// more than {} levels deep"), as web/src/server_messages.ts writes them.
// A message held in a variable cannot be read here and is counted apart.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const CALL = /(?<![\w:])(HttpError|usage_error|invalid_input|not_found|conflict|denied|runtime_error|corrupt|broken|send_error)\s*\(/g;
// A function that checks a document returns the reason it fails ("source is
// blank"), which its caller throws: a returned literal that reads as a
// sentence (two words or more) is taken as a message too.
const RETURN = /(?<![\w:])return\s/g;

// The text of a C++ string literal starting at S[I] ('"'): [value, end].
function literal(s, i) {
  let out = '';
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '"') return [out, j + 1];
    if (c === '\\') {
      const n = s[++j];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else {
      out += c;
    }
  }
  throw new Error('unterminated string literal');
}

// The top-level arguments of the call whose '(' is at S[OPEN], as source text.
function callArguments(s, open) {
  const args = [];
  let depth = 0, start = open + 1;
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (c === '"') { j = literal(s, j)[1] - 1; continue; }
    if (c === "'" && !/\w/.test(s[j - 1])) { j = s.indexOf("'", j + (s[j + 1] === '\\' ? 3 : 2)); continue; }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) { args.push(s.slice(start, j)); return args; }
    } else if (c === ',' && depth === 1) {
      args.push(s.slice(start, j));
      start = j + 1;
    }
  }
  return args;
}

// Where the statement from S[START] ends: its ';' outside strings.
function statementEnd(s, start) {
  for (let j = start; j < s.length; j++) {
    if (s[j] === '"') j = literal(s, j)[1] - 1;
    else if (s[j] === ';') return j;
  }
  return s.length;
}

// The branches of a top-level `COND ? A : B`, or null.
function ternaryBranches(expr) {
  let depth = 0, question = -1;
  for (let j = 0; j < expr.length; j++) {
    const c = expr[j];
    if (c === '"') { j = literal(expr, j)[1] - 1; continue; }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && c === '?' && question < 0) question = j;
    else if (depth === 0 && c === ':' && question >= 0 && expr[j + 1] !== ':' && expr[j - 1] !== ':') {
      return [expr.slice(question + 1, j), expr.slice(j + 1)];
    }
  }
  return null;
}

// The templates a message expression can give: one, or one per branch of a
// top-level `?:`; none when it has no literal at all.
export function messageTemplates(expr) {
  const branches = ternaryBranches(expr);
  if (branches) return branches.flatMap(messageTemplates);
  const template = messageTemplate(expr);
  return template === null ? [] : [template];
}

// A message expression as a template: its literals, with {} for each
// other operand of the top-level '+'. Null when it has no literal at all.
function messageTemplate(expr) {
  expr = expr.replace(/std::string\(("(?:[^"\\]|\\.)*")\)/g, '$1');
  let out = '', sawLiteral = false, depth = 0, operand = '';
  const flush = () => {
    if (operand.trim() !== '') out += '{}';
    operand = '';
  };
  for (let j = 0; j < expr.length; j++) {
    const c = expr[j];
    if (c === '"' && depth === 0) {
      const [value, end] = literal(expr, j);
      if (operand.trim() !== '') flush();
      operand = '';
      out += value;
      sawLiteral = true;
      j = end - 1;
      continue;
    }
    if (c === '"') { j = literal(expr, j)[1] - 1; operand += '"…"'; continue; }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === '+' && depth === 0) { flush(); continue; }
    operand += c;
  }
  flush();
  return sawLiteral ? out.replace(/(\{\})+/g, '{}') : null;
}

// TEXT with its comments blanked (newlines kept, so that line numbers hold):
// a comment may mention a call ("throws usage_error (...)") that is none.
function withoutComments(text) {
  let out = '';
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      const end = literal(text, j)[1];
      out += text.slice(j, end);
      j = end - 1;
    } else if (c === "'" && !/\w/.test(text[j - 1])) {  // not 1'000
      const end = text.indexOf("'", j + (text[j + 1] === '\\' ? 3 : 2)) + 1;
      out += text.slice(j, end);
      j = end - 1;
    } else if (c === '/' && text[j + 1] === '/') {
      while (j < text.length && text[j] !== '\n') j++;
      out += '\n';
    } else if (c === '/' && text[j + 1] === '*') {
      const end = text.indexOf('*/', j + 2) + 2;
      out += text.slice(j, end).replace(/[^\n]/g, ' ');
      j = end - 1;
    } else {
      out += c;
    }
  }
  return out;
}

function cppFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cppFiles(join(dir, e.name)) : e.name.endsWith('.cpp') ? [join(dir, e.name)] : []);
}

// Every message template of the .cpp files under ROOT/src/DIRS, with where
// it is written: { templates: Map(template -> ["src/x.cpp:12", ...]),
// dynamic: ["src/y.cpp:40", ...] }.
export function serverMessages(root, dirs) {
  const templates = new Map();
  const dynamic = [];
  for (const dir of dirs) {
    for (const file of cppFiles(join(root, 'src', dir))) {
      const text = withoutComments(readFileSync(file, 'utf8'));
      // Calls are looked for outside string literals ("permission denied (...").
      const code = text.replace(/"(?:[^"\\\n]|\\.)*"/g, (lit) => '"' + ' '.repeat(lit.length - 2) + '"');
      for (const m of code.matchAll(CALL)) {
        const open = m.index + m[0].length - 1;
        const args = callArguments(text, open);
        const where = `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`;
        const expr = m[1] === 'HttpError' ? args[1] : m[1] === 'send_error' ? args[2] : args[0];
        if (expr === undefined) continue;  // a declaration, not a call
        const found = messageTemplates(expr);
        if (found.length === 0) dynamic.push(where);
        for (const template of found) templates.set(template, [...(templates.get(template) ?? []), where]);
      }
      for (const m of code.matchAll(RETURN)) {
        const start = m.index + m[0].length;
        const where = `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`;
        for (const template of messageTemplates(text.slice(start, statementEnd(text, start)))) {
          if (/[A-Za-z]\s+[A-Za-z]/.test(template)) templates.set(template, [...(templates.get(template) ?? []), where]);
        }
      }
    }
  }
  return { templates, dynamic };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { templates, dynamic } = serverMessages(process.argv[2], process.argv.slice(3));
  for (const [t, at] of [...templates].sort()) console.log(`${JSON.stringify(t)}\t${at.join(' ')}`);
  console.log(`${templates.size} templates; ${dynamic.length} dynamic: ${dynamic.join(' ')}`);
}
