/**
 * Realistic generated reading lists for capacity tests and the benchmark: Arabic titles of
 * 60–120 characters drawn word by word from a vocabulary (pass words from real articles; every
 * word is equally likely, which compresses worse than real headlines), and canonical URLs of
 * about 90 characters shaped like those of Arabic news sites (section, date, numeric or random
 * ids, transliterated slugs). Seeded, so a run can be repeated exactly.
 */
import type { SyncEntry } from '../../lib/sync/record';
import { entryId } from '../../lib/sync/record';
import { seededRandom, type Rand } from '../../lib/random';

const TITLE_MIN = 60;
const TITLE_MAX = 120;
const DAY_MS = 24 * 3600_000;
const ARABIC_WORD_RE = /[\u0600-\u06ff]/;
const SPLIT_RE = /[\s\p{P}\p{S}]+/u;

const SLUG_WORDS = (
  'gaza israel iran saudi arabia egypt syria lebanon iraq yemen sudan libya tunisia algeria ' +
  'morocco jordan qatar kuwait oman bahrain emirates turkey russia ukraine china america ' +
  'europe un security council minister president prime government parliament election vote ' +
  'protest strike war ceasefire talks deal agreement summit visit meeting army attack ' +
  'missile drone border refugees aid hospital health vaccine economy oil gas prices inflation ' +
  'bank dollar pound budget debt trade exports investment tourism football league cup ' +
  'champions match coach player transfer olympics climate heat floods earthquake water ' +
  'drought energy solar technology ai phone apple google internet cyber court trial judge ' +
  'police arrest crime corruption report study university school students teachers exam ' +
  'ramadan hajj eid mosque culture film festival book music art heritage museum women ' +
  'children youth jobs unemployment wages housing rent cairo riyadh beirut baghdad damascus ' +
  'amman doha dubai rabat khartoum tripoli sanaa jerusalem west bank hamas hezbollah houthis'
).split(/\s+/);

const SITES: { host: string; name: string; path: (r: Rand) => string }[] = [
  {
    host: 'aljazeera.net',
    name: 'الجزيرة نت',
    path: (r) => `news/politics/${date(r, '/')}/${slug(r)}`,
  },
  { host: 'bbc.com', name: 'بي بي سي عربي', path: (r) => `arabic/articles/c${alnum(r, 10)}o` },
  {
    host: 'arabic.cnn.com',
    name: 'سي إن إن بالعربية',
    path: (r) => `middle-east/article/${date(r, '/', true)}/${slug(r)}`,
  },
  {
    host: 'alarabiya.net',
    name: 'العربية',
    path: (r) => `arab-and-world/${date(r, '/', true)}/${slug(r)}`,
  },
  {
    host: 'skynewsarabia.com',
    name: 'سكاي نيوز عربية',
    path: (r) => `middle-east/${digits(r, 7)}-${slug(r)}`,
  },
  {
    host: 'youm7.com',
    name: 'اليوم السابع',
    path: (r) => `story/${date(r, '/')}/${slug(r)}/${digits(r, 7)}`,
  },
  {
    host: 'independentarabia.com',
    name: 'اندبندنت عربية',
    path: (r) => `node/${digits(r, 6)}/${slug(r)}`,
  },
  {
    host: 'aawsat.com',
    name: 'الشرق الأوسط',
    path: (r) =>
      `${pick(r, ['politics', 'economy', 'sport', 'culture'])}/${digits(r, 7)}-${slug(r)}`,
  },
  {
    host: 'france24.com',
    name: 'فرانس 24',
    path: (r) =>
      `ar/${pick(r, ['middle-east', 'africa', 'world'])}/${date(r, '', true)}-${slug(r)}`,
  },
  { host: 'hespress.com', name: 'هسبريس', path: (r) => `${slug(r)}-${digits(r, 7)}.html` },
  {
    host: 'arabic.rt.com',
    name: 'RT عربي',
    path: (r) => `middle_east/${digits(r, 7)}-${slug(r)}/`,
  },
  { host: 'almasryalyoum.com', name: 'المصري اليوم', path: (r) => `news/details/${digits(r, 7)}` },
];

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rand, n: number): string =>
  String(1 + Math.floor(r() * 9)) +
  Array.from({ length: n - 1 }, () => Math.floor(r() * 10)).join('');
const alnum = (r: Rand, n: number): string =>
  Array.from({ length: n }, () => Math.floor(r() * 36).toString(36)).join('');

function date(r: Rand, sep: string, pad = false): string {
  const d = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 900) * DAY_MS);
  const p = (n: number): string => (pad ? String(n).padStart(2, '0') : String(n));
  return [d.getUTCFullYear(), p(d.getUTCMonth() + 1), p(d.getUTCDate())].join(sep);
}

function slug(r: Rand): string {
  const n = 5 + Math.floor(r() * 6);
  return Array.from({ length: n }, () => pick(r, SLUG_WORDS)).join('-');
}

/** Distinct Arabic words of a text, in order of first use. */
export function arabicWords(text: string): string[] {
  return [...new Set(text.split(SPLIT_RE).filter((w) => ARABIC_WORD_RE.test(w)))];
}

function title(r: Rand, words: readonly string[]): string {
  const target = TITLE_MIN + Math.floor(r() * (TITLE_MAX - TITLE_MIN + 1));
  let t = pick(r, words);
  for (;;) {
    const next = `${t} ${pick(r, words)}`;
    if (next.length > TITLE_MAX) break;
    t = next;
    if (t.length >= target) break;
  }
  return t.length >= TITLE_MIN ? t : `${t} ${'،'.repeat(TITLE_MIN)}`.slice(0, TITLE_MIN);
}

export interface SampleOptions {
  seed?: number;
  /** Vocabulary for titles; at least a few hundred words for realistic compression. */
  words: readonly string[];
  /** Newest save time (ms); entries are spread over the year before it. */
  now?: number;
}

/** `count` distinct reading-list entries, newest first, with realistic status mixes. */
export function sampleEntries(count: number, opts: SampleOptions): SyncEntry[] {
  if (opts.words.length === 0) throw new Error('sampleEntries needs a vocabulary');
  const r = seededRandom(opts.seed ?? 1);
  const now = opts.now ?? Date.UTC(2025, 5, 1);
  const out: SyncEntry[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const site = pick(r, SITES);
    const url = `https://${site.host}/${site.path(r)}`;
    if (seen.has(url)) continue;
    seen.add(url);
    const read = r() < 0.4;
    out.push({
      id: entryId(url),
      url,
      title: title(r, opts.words),
      site: site.name,
      savedAt: now - Math.floor(r() * 365 * DAY_MS),
      read,
      archived: read && r() < 0.3,
      favourite: r() < 0.05,
      progress: read ? 1 : r() < 0.3 ? Math.round(r() * 1000) / 1000 : 0,
      tags: r() < 0.1 ? [pick(r, ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'لاحقًا'])] : [],
    });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}
