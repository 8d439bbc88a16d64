/**
 * `npm run check`'s UI-string check. UI text lives in `public/_locales` only, so:
 * - no Arabic string literal, template or JSX text in the UI code (the domain word lists in
 *   lib/extract, lib/detect, lib/search, lib/text and lib/eval are data and are not scanned; a
 *   literal that is data elsewhere, such as a key the Arabic layout types, sits under a statement
 *   whose comment says `i18n-data`);
 * - every message in the Arabic locale exists in the English one and the other way round, except
 *   the plural categories only Arabic selects. Keys named in code are checked by the compiler
 *   (`MessageKey` in lib/i18n.ts is the Arabic file's key set).
 * Prints each finding and exits 1 when there is one.
 *
 * Usage: tsx scripts/check-ui-strings.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIRS = ['lib', 'components', 'entrypoints'];
const DATA_DIRS = ['lib/extract', 'lib/detect', 'lib/search', 'lib/text', 'lib/eval'];
const EXTENSIONS = ['.ts', '.tsx'];
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const DATA_MARK = /i18n-data/;
const LOCALES = ['ar', 'en'];
// CLDR plural categories English never selects (readingTime_<category> in lib/reader/reading-time.ts).
const ARABIC_ONLY = /^readingTime_(two|few|many)$/;

function sources(dir: string): string[] {
  const rel = path.relative(ROOT, dir).split(path.sep).join('/');
  if (DATA_DIRS.includes(rel)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function isTextNode(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node)
  );
}

/** Whether a comment before the statement holding `node` marks it as data. */
function markedAsData(node: ts.Node, text: string): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const comments = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
    if (comments.some((c) => DATA_MARK.test(text.slice(c.pos, c.end)))) return true;
  }
  return false;
}

function arabicLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isTextNode(node) && ARABIC.test(node.getText(source)) && !markedAsData(node, text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      const rel = path.relative(ROOT, file);
      found.push(`${rel}:${line + 1}: Arabic UI text in code (move it to public/_locales)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function localeMessages(lang: string): Record<string, { message?: unknown }> {
  const file = path.join(ROOT, 'public/_locales', lang, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message?: unknown }>;
}

/** An entry without a string `message` (one nested in another by a merge, say) is no message. */
function malformed(): string[] {
  return LOCALES.flatMap((lang) =>
    Object.entries(localeMessages(lang))
      .filter(([, entry]) => typeof entry.message !== 'string')
      .map(([key]) => `public/_locales/${lang}/messages.json: "${key}" has no message text`),
  );
}

function localeKeys(lang: string): Set<string> {
  return new Set(Object.keys(localeMessages(lang)));
}

function missingKeys(): string[] {
  const keys = Object.fromEntries(LOCALES.map((l) => [l, localeKeys(l)]));
  const out: string[] = [];
  for (const from of LOCALES)
    for (const to of LOCALES)
      for (const key of keys[from]!)
        if (from !== to && !keys[to]!.has(key) && !(to === 'en' && ARABIC_ONLY.test(key)))
          out.push(`public/_locales/${to}/messages.json: no "${key}" (it is in ${from})`);
  return out;
}

const findings = [
  ...DIRS.flatMap((d) => sources(path.join(ROOT, d))).flatMap(arabicLiterals),
  ...missingKeys(),
  ...malformed(),
];
for (const f of findings) console.error(f);
if (findings.length > 0) {
  console.error(`check-ui-strings: ${findings.length} finding(s)`);
  process.exit(1);
}
console.log('check-ui-strings: UI text comes from public/_locales only');
