/**
 * Generated Arabic news articles for measuring the reading list and its search at scale (the
 * benchmark, and rough checks in tests). Words follow a Zipf distribution over a vocabulary of
 * real words from articles passed in plus words built from three-letter roots, Arabic patterns
 * (مفعول، تفعيل، استفعال…) and clitics (ال، و، ب، ـها، ـات…), so term counts per article and
 * index ranges look like a real list's. Seeded, so a run can be repeated exactly.
 */
import type { Article } from '../article';

const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
// Patterns over root letters 1, 2, 3.
const PATTERNS = [
  '123',
  '1ا23',
  'م12و3',
  'ت12ي3',
  'است12ا3',
  '12ا3ة',
  'م1ا23',
  'ا12ا3',
  'م12ي3',
  '1ا2و3',
  'مت12ا3',
  'ان12ا3',
];
const PREFIXES = ['', '', '', 'ال', 'ال', 'و', 'وال', 'بال', 'لل', 'ب', 'ل'];
const SUFFIXES = ['', '', '', 'ة', 'ات', 'ون', 'ين', 'ها', 'ه', 'ي', 'ية'];
const SITES = [
  'الجزيرة نت',
  'بي بي سي عربي',
  'سي إن إن بالعربية',
  'العربية',
  'اليوم السابع',
  'الشرق الأوسط',
  'الصباح',
  'المدن',
  'عنب بلدي',
  'هسبريس',
];
const ROOTS = 3000;
const ZIPF_S = 1.05;

export type Rand = () => number;

/** A small fast seeded generator (mulberry32). */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function buildVocabulary(rand: Rand, realWords: string[]): string[] {
  const words = new Set(realWords);
  for (let r = 0; r < ROOTS; r++) {
    const root = [pick(rand, [...LETTERS]), pick(rand, [...LETTERS]), pick(rand, [...LETTERS])];
    for (let k = 0; k < 4; k++) {
      const stem = pick(rand, PATTERNS).replace(/[123]/g, (d) => root[Number(d) - 1] ?? '');
      words.add(pick(rand, PREFIXES) + stem + pick(rand, SUFFIXES));
    }
  }
  // Real words first: they are the frequent ones.
  return [...words];
}

/** Zipf sampler over ranks 0..n-1 by inverting the cumulative weights. */
function zipf(rand: Rand, n: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, ZIPF_S);
    cdf[i] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface SampleCorpus {
  vocabulary: string[];
  articles: Article[];
}

/**
 * `count` articles of 300–1,500 words (titles of 6–14 words) from a vocabulary seeded with
 * `realText` (e.g. the shared corpus's article texts).
 */
export function sampleCorpus(count: number, realText: string, seed = 1): SampleCorpus {
  const rand = seeded(seed);
  const real = realText.split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  const vocabulary = buildVocabulary(rand, [...new Set(real)]);
  const rank = zipf(rand, vocabulary.length);
  const word = () => vocabulary[rank()] ?? '';
  const words = (n: number) => Array.from({ length: n }, word);
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from(
      { length: 3 + Math.floor(rand() * 10) },
      () => words(25 + Math.floor(rand() * 100)).join(' ') + '.',
    );
    const text = paragraphs.join('\n\n');
    const wordCount = text.split(/\s+/).length;
    articles.push({
      url: `https://news${i % 10}.example.com/2025/${1 + (i % 12)}/${i}/${words(3).join('-')}`,
      title: words(6 + Math.floor(rand() * 9)).join(' '),
      byline: rand() < 0.5 ? words(2).join(' ') : null,
      siteName: pick(rand, SITES),
      published: null,
      lang: 'ar',
      dir: 'rtl',
      excerpt: (paragraphs[0] ?? '').slice(0, 200),
      leadImage: null,
      content: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      text,
      sections: [],
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / 200)),
    });
  }
  return { vocabulary, articles };
}
