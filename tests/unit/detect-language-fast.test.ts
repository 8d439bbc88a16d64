/**
 * judgeLanguage counts letters and words with native regex passes (cold code in every page): it
 * must answer exactly what the plain character loop and word split it replaced answer.
 */
import fc from 'fast-check';
import { judgeLanguage } from '@/lib/detect/language';

// The replaced implementation, kept here as the reference.
const OWN: Record<string, string> = {
  ur: 'ٹڈڑںےۓہ',
  ps: 'ټډړږښځڅڼۍ',
  ckb: 'ڕڵێۆە',
  sd: 'ٻڄڃڇڊڏڙڦٺٽٿ',
  ug: 'ۇۈۋې',
};
const LEAN: [string, string, number][] = [
  ['ar', 'ةأإ٠١٢٣٤٥٦٧٨٩', 1],
  ['ar', 'يكى', 0.25],
  ['fa', 'پچژگکیۀ۰۱۲۳۴۵۶۷۸۹', 1],
];
const WORDS: Record<string, string> = {
  ar: 'في على إلى الى أن التي الذي عن مع هذا هذه كان قد لم بعد أو ذلك إن خلال وفي حيث كما',
  fa: 'است این که را می بود از با در برای آن شد شده های هم نیز کرد یک خود تا',
  ur: 'ہے کے کی میں اور کہ سے کو نے پر بھی یہ وہ تھا تھے ہیں',
};
const LANGS = ['', 'ar', 'fa', ...Object.keys(OWN)];
const letterLang = new Map<string, [number, number]>();
for (const [l, s] of Object.entries(OWN))
  for (const c of s) letterLang.set(c, [LANGS.indexOf(l), 1]);
for (const [l, s, w] of LEAN) for (const c of s) letterLang.set(c, [LANGS.indexOf(l), w]);
const wordLang = new Map<string, number>();
for (const [l, ws] of Object.entries(WORDS))
  for (const w of ws.split(' ')) wordLang.set(w, LANGS.indexOf(l));

function reference(text: string, hint = ''): string {
  const cut = text.slice(0, 1500);
  const sample = /[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(cut) ? cut.normalize('NFKC') : cut;
  const other = () => (hint && !LANGS.includes(hint) ? hint : 'und');
  if (!/[\u0600-\u06FF]/.test(sample)) return other();
  const counts = new Array<number>(LANGS.length).fill(0);
  let script = 0;
  let others = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code >= 0x600 && code < 0x700) {
      script++;
      const [l, w] = letterLang.get(sample[i]!) ?? [0, 0];
      counts[l]! += w;
    } else if (
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 0xc0 && code < 0x600) ||
      (code >= 0x900 && code < 0x2000) ||
      (code >= 0x3040 && code < 0xd800)
    )
      others++;
  }
  if (script < 0.2 * (script + others)) return other();
  let best = 0;
  for (let l = 3; l < LANGS.length; l++)
    if (counts[l]! >= Math.max(0.01 * script, counts[best]!)) best = l;
  if (best) return LANGS[best]!;
  for (const w of sample.split(/[^\u0621-\u065F\u066E-\u06D3]+/))
    counts[wordLang.get(w) ?? 0]! += 4;
  const score = (l: string) => counts[LANGS.indexOf(l)]! + (hint === l ? 8 : 0);
  if (score('ur') > Math.max(score('ar'), score('fa'))) return 'ur';
  return score('fa') > score('ar') ? 'fa' : 'ar';
}

const PIECES = fc.constantFrom(
  ...Object.values(WORDS).flatMap((w) => w.split(' ')),
  ...Object.values(OWN).flatMap((s) => s.split('')),
  ...LEAN.flatMap(([, s]) => s.split('')),
  ...'ابتثجحخدذرسشصضطظعغفقلمنهوء'.split(''),
  'و',
  'ال',
  '\u064E',
  '\u200C',
  '\uFB58',
  '\uFEFB',
  ' ',
  '\n',
  '،',
  '.',
  'the ',
  'é',
  'д',
  'א',
  '日',
  '한',
  '1',
);

describe('judgeLanguage by regex passes', () => {
  it('answers what the character loop answered', () => {
    fc.assert(
      fc.property(
        fc.array(PIECES, { maxLength: 400 }),
        fc.constantFrom('', 'ar', 'fa', 'ur', 'en'),
        (pieces, hint) => {
          const text = pieces.join('');
          expect(judgeLanguage(text, { hint })).toBe(reference(text, hint));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees on long samples, cut at the same place', () => {
    const fa = 'وزیر گفت که دولت برای بهبود خدمات در شهر تلاش می‌کند ';
    const ar = 'قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدينة ';
    for (const text of [fa.repeat(20) + ar.repeat(40), ar.repeat(30) + fa.repeat(60)])
      expect(judgeLanguage(text)).toBe(reference(text));
  });
});
