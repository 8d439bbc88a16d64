/**
 * Anchoring a highlight: the W3C text-quote and text-position selectors made from a DOM range in
 * the article, and found again in the same text, in a re-extraction (whitespace changed, clutter
 * lines removed) or not at all, never in the wrong place. Arabic: diacritics, tatweel, ZWJ/ZWNJ
 * and selections that start or end inside a word.
 */
import fc from 'fast-check';
import { anchorIn, describeText } from '@/lib/highlights/anchor';
import { offsetsOfRange, rangeOfOffsets, textOfRoot } from '@/lib/highlights/dom-text';
import { foldWithMap } from '@/lib/highlights/fold-map';
import { extract } from '@/lib/extract';
import { ARTICLES, loadHtml, readPage } from './extract-pages';

const SEED = 21;
// Characters search folds away entirely: where a found range may start or end differently.
const SKIPPED = /[\s\u064B-\u065F\u0670\u0640\u200B-\u200F\u00AD]/;

/** The indexes of [s, e) that carry a folded character: what a reader sees as the same words. */
function core(text: string, s: number, e: number): string {
  let a = s;
  let b = e;
  while (a < b && SKIPPED.test(text[a]!)) a++;
  while (b > a && SKIPPED.test(text[b - 1]!)) b--;
  return `${a}-${b}`;
}

describe('foldWithMap', () => {
  it('folds as search does and maps each folded character to its source', () => {
    const src = 'القُرْآنُ  الكـــريم\u200C';
    const { folded, start } = foldWithMap(src);
    expect(folded).toBe('القرانالكريم');
    expect(src[start[3]!]).toBe('ر');
    expect(src[start[4]!]).toBe('آ');
  });
});

describe('anchorIn on plain text', () => {
  const text =
    'قال وزير الخارجيةُ إن المحادثات ستستمر. وقال وزير الخارجية إن المحادثات ستستمر غدًا في القاهرة.';
  it('finds the same range in the same text, a repeated phrase by its position', () => {
    const s = text.indexOf('وزير', 10);
    const sel = describeText(text, s, s + 20);
    expect(anchorIn(text, sel)).toEqual({ start: s, end: s + 20 });
  });
  it('finds a selection that starts and ends inside words after diacritics, tatweel and a ZWNJ change', () => {
    const s = text.indexOf('حادثات ستستمر غ');
    const sel = describeText(text, s, s + 15);
    const changed = text.replace('غدًا', 'غـدا').replace('ستستمر غ', 'ستس\u200Cتمر\n\n غ');
    const found = anchorIn(changed, sel);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe('حادثات ستس\u200Cتمر\n\n غـ');
  });
  it('tells the repeated phrase apart by its context when positions moved', () => {
    const s = text.lastIndexOf('وزير الخارجية');
    const sel = describeText(text, s, s + 13);
    const moved = 'مقدمة جديدة طويلة. ' + text;
    const found = anchorIn(moved, sel)!;
    expect(found.start).toBe(moved.lastIndexOf('وزير الخارجية'));
  });
  it('reports a quote that is no longer in the text as not found', () => {
    const s = text.indexOf('القاهرة');
    const sel = describeText(text, s, s + 7);
    expect(anchorIn(text.replace('القاهرة', 'الرياض'), sel)).toBeNull();
  });
  it('does not place a short quote whose line was removed on the same word elsewhere', () => {
    const t = 'اقرأ أيضا: الحكومة تعلن\nنص المقال عن الحكومة الجديدة وما قالته';
    const sel = describeText(t, 11, 18); // «الحكومة» in the clutter line
    expect(anchorIn(t.replace('اقرأ أيضا: الحكومة تعلن\n', ''), sel)).toBeNull();
  });
  it('finds a long quote across a removed clutter line inside it', () => {
    const t =
      'الفقرة الأولى من المقال تتحدث عن الاقتصاد.\nاقرأ أيضا\nالفقرة الثانية تكمل الحديث عن الأسواق والأسعار.';
    const sel = describeText(t, 5, t.length - 5);
    const cleaned = t.replace('اقرأ أيضا\n', '');
    const found = anchorIn(cleaned, sel)!;
    expect(found).toEqual({ start: 5, end: cleaned.length - 5 });
  });
});

describe('DOM ranges and text offsets', () => {
  it('turns a range across formatting and mixed-direction runs into offsets and back', () => {
    const root = document.createElement('article');
    root.innerHTML =
      '<p>قال <b>المتحدث</b> باسم <a href="#">CNN Arabic</a> إن العدد ٢٠٢٤</p><p>فقرة ثانية</p>';
    document.body.append(root);
    const { text } = textOfRoot(root);
    const s = text.indexOf('تحدث');
    const e = text.indexOf('Arabic') + 3;
    const range = rangeOfOffsets(root, s, e)!;
    expect(range.toString()).toBe(text.slice(s, e));
    expect(offsetsOfRange(root, range)).toEqual({ start: s, end: e });
    root.remove();
  });
});

interface CorpusText {
  name: string;
  root: HTMLElement;
  text: string;
}

function corpusTexts(): CorpusText[] {
  return ARTICLES.map((spec) => {
    const page = loadHtml(readPage(spec), spec.url);
    // The shared machine is slow at times: the time budget is not what this test is about.
    const res = extract(page.document, { url: spec.url, timeBudgetMs: 120_000 });
    void page.close();
    if (!res.ok) throw new Error(`${spec.name}: ${res.reason}`);
    const root = document.createElement('article');
    root.innerHTML = res.article.content;
    return { name: spec.name, root, text: textOfRoot(root).text };
  });
}

/** A re-extraction of `text`: short blocks removed, whitespace changed; with where each char went. */
function reExtract(
  root: HTMLElement,
  text: string,
  removeEvery: number,
  seed: number,
): { text: string; to: Int32Array } {
  const removed = new Uint8Array(text.length);
  const blocks = Array.from(root.querySelectorAll('p, li, h2, h3, figcaption, blockquote'));
  let n = seed;
  for (const b of blocks) {
    const len = (b.textContent ?? '').length;
    if (len === 0 || len > 120) continue;
    if (n++ % removeEvery !== 0) continue;
    const r = offsetsOfRange(root, rangeAround(b))!;
    removed.fill(1, r.start, r.end);
  }
  let out = '';
  const to = new Int32Array(text.length).fill(-1);
  for (let i = 0; i < text.length; i++) {
    if (removed[i]) continue;
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      // Whitespace changed: runs doubled, newlines made spaces and spaces newlines.
      n = (n * 1103515245 + 12345) % 2147483648;
      out += n % 3 === 0 ? ' \n ' : n % 3 === 1 ? '' + ch + ch : ch === '\n' ? ' ' : '\n';
      continue;
    }
    to[i] = out.length;
    out += ch;
  }
  return { text: out, to };
}

function rangeAround(el: Element): Range {
  const r = el.ownerDocument.createRange();
  r.selectNodeContents(el);
  return r;
}

/** Where [s, e) went in the re-extraction: its surviving characters' span, or null. */
function expected(to: Int32Array, s: number, e: number): { start: number; end: number } | null {
  let a = -1;
  let b = -1;
  for (let i = s; i < e; i++) {
    if (to[i]! < 0) continue;
    if (a < 0) a = to[i]!;
    b = to[i]! + 1;
  }
  return a < 0 ? null : { start: a, end: b };
}

describe('anchoring on the corpus articles (property)', () => {
  const texts = corpusTexts();
  const selection = (len: number) =>
    fc
      .tuple(fc.nat({ max: len - 2 }), fc.integer({ min: 1, max: 400 }))
      .map(([s, l]) => [s, Math.min(len, s + l)] as const);

  it.each(texts.map((t) => [t.name, t] as const))(
    '%s: a DOM selection anchored and found again in the same text is the same range',
    (_name, t) => {
      document.body.append(t.root);
      fc.assert(
        fc.property(selection(t.text.length), ([s, e]) => {
          const range = rangeOfOffsets(t.root, s, e)!;
          const sel = describeText(
            t.text,
            ...(Object.values(offsetsOfRange(t.root, range)!) as [number, number]),
          );
          const found = anchorIn(textOfRoot(t.root).text, sel);
          expect(found).toEqual({ start: s, end: e });
          expect(rangeOfOffsets(t.root, found!.start, found!.end)!.toString()).toBe(
            range.toString(),
          );
        }),
        { seed: SEED, numRuns: 150 },
      );
      t.root.remove();
    },
  );

  it('in a re-extraction with clutter lines removed and whitespace changed: found in ≥ 99%, never misplaced', () => {
    let found = 0;
    let tried = 0;
    const wrong: string[] = [];
    for (const t of texts) {
      fc.assert(
        fc.property(selection(t.text.length), fc.integer({ min: 2, max: 6 }), ([s, e], every) => {
          const re = reExtract(t.root, t.text, every, s);
          const want = expected(re.to, s, e);
          const got = anchorIn(re.text, describeText(t.text, s, e));
          if (!want || core(t.text, s, e) === `${e}-${e}`) return;
          tried++;
          if (!got) {
            if (process.env.SHOW_MISSES)
              console.log(
                `${t.name} miss «${t.text.slice(s, e)}» want «${re.text.slice(want.start, want.end)}»`,
              );
            return;
          }
          if (core(re.text, got.start, got.end) === core(re.text, want.start, want.end)) found++;
          else
            wrong.push(
              `${t.name} ${s}-${e}: «${t.text.slice(s, e)}» → «${re.text.slice(got.start, got.end)}»`,
            );
        }),
        { seed: SEED, numRuns: 150 },
      );
    }
    console.info(`re-extraction: ${found} of ${tried} selections found again, none misplaced`);
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
    expect(found / tried).toBeGreaterThanOrEqual(0.99);
  });
});
