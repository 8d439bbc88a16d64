import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
// `$NAME$` names a placeholder (case-insensitive); `$1`… a substitution; `$$` is a dollar sign.
const PLACEHOLDER = /\$([a-z0-9_@]+)\$/gi;
const SUBSTITUTION = /\$(\d)|\$\$/g;

/**
 * `i18n.getMessage` as the browsers do it, over `public/_locales/<lang>/messages.json`: '' for an
 * unknown key, placeholders expanded, then `$1`… replaced by the substitutions.
 */
export function localeMessages(
  lang: string,
): (key: string, subs?: string | (string | number)[]) => string {
  const file = path.join(ROOT, 'public/_locales', lang, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
  return (key, subs) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (!entry) return '';
    const values = (subs === undefined ? [] : [subs].flat()).map(String);
    const named = new Map(
      Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]),
    );
    const expanded = entry.message.replace(
      PLACEHOLDER,
      (m, name: string) => named.get(name.toLowerCase()) ?? m,
    );
    return expanded.replace(SUBSTITUTION, (m, n?: string) =>
      n === undefined ? '$' : (values[Number(n) - 1] ?? ''),
    );
  };
}
