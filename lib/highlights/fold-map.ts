/**
 * A text folded the way search folds it (`foldArabic`), whitespace dropped, with where each folded
 * character came from: a highlight's quote is matched in the folded text and its place read back
 * in the article's own text. Whitespace is dropped rather than collapsed because a re-extraction
 * may join two paragraphs with no space between them or split one line in two.
 */
import { foldArabic } from '../text/normalize';

const SPACE = /\s/;

export interface FoldedText {
  folded: string;
  /** Index in the source of the character each folded character came from. */
  start: Int32Array;
  /**
   * End in the source of each folded character's source, past any characters after it that fold
   * to nothing (diacritics, tatweel, joiners): a range ending on a letter keeps its marks.
   */
  end: Int32Array;
}

// Articles repeat few distinct characters: fold each once.
const folds = new Map<string, string>();

function foldChar(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) {
    f = SPACE.test(ch) ? '' : foldArabic(ch).replace(/\s+/g, '');
    folds.set(ch, f);
  }
  return f;
}

export function foldWithMap(src: string): FoldedText {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < src.length;) {
    const cp = src.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const f = foldChar(ch);
    if (f) {
      for (let k = 0; k < f.length; k++) {
        start.push(i);
        end.push(next);
      }
      out.push(f);
    } else if (!SPACE.test(ch) && end.length > 0 && end[end.length - 1] === i) {
      end[end.length - 1] = next;
    }
    i = next;
  }
  return { folded: out.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** The folded form of a short string (a quote or its context), without the map. */
export const foldPlain = (s: string): string => foldWithMap(s).folded;
