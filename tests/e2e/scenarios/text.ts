/**
 * What the scenarios expect to read: the extension's Arabic UI strings (from public/_locales, as
 * the extension shows them in an Arabic browser), the sample article's gold, Arabic-Indic counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../fixtures';

const AR = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

/** The Arabic UI string `key`. */
export const msg = (key: string): string => AR[key]!.message;

/** A count as the Arabic UI writes it (Arabic-Indic digits). */
export const arabicCount = (n: number): string => n.toLocaleString('ar-u-nu-arab');

export interface Gold {
  title: string;
  sections: string[];
  mustContain: string[];
}

export const SAMPLE = '/pages/sample-article.html';
export const SAMPLE_GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as Gold;
/** Distinctive words of the sample's title, for finding its row. */
export const SAMPLE_KEY = 'مكتبات الأحياء';

/** An English news article: not Arabic at a glance (the always-on script stops there). */
export const ENGLISH_TITLE = 'Libraries reopen across the city';
const ENGLISH_PARAGRAPH =
  'The city council voted on Tuesday to reopen the old public libraries in every district, ' +
  'after a long campaign by residents who said the reading rooms had been the heart of their ' +
  'neighbourhoods for generations and that nothing had replaced them since they closed.';
export const ENGLISH_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${ENGLISH_TITLE}</title><meta property="og:type" content="article">
</head><body><article><h1>${ENGLISH_TITLE}</h1>
${Array.from({ length: 8 }, () => `<p>${ENGLISH_PARAGRAPH}</p>`).join('\n')}
</article></body></html>`;
