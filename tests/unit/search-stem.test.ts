import { partialStems, stem, stemPrefix, stemSuffix } from '@/lib/text/stem';
import { foldArabic } from '@/lib/text/normalize';

// Expected outputs of Lucene's ArabicStemFilter (TestArabicStemFilter), one per rule.
const LUCENE: [string, string, string][] = [
  ['al prefix', 'الحسن', 'حسن'],
  ['wal prefix', 'والحسن', 'حسن'],
  ['bal prefix', 'بالحسن', 'حسن'],
  ['kal prefix', 'كالحسن', 'حسن'],
  ['fal prefix', 'فالحسن', 'حسن'],
  ['ll prefix', 'للاخر', 'اخر'],
  ['wa prefix', 'وحسن', 'حسن'],
  ['ah suffix', 'زوجها', 'زوج'],
  ['an suffix', 'ساهدان', 'ساهد'],
  ['at suffix', 'ساهدات', 'ساهد'],
  ['wn suffix', 'ساهدون', 'ساهد'],
  ['yn suffix', 'ساهدين', 'ساهد'],
  ['yh suffix', 'ساهديه', 'ساهد'],
  ['yp suffix', 'ساهدية', 'ساهد'],
  ['h suffix', 'ساهده', 'ساهد'],
  ['p suffix', 'ساهدة', 'ساهد'],
  ['y suffix', 'ساهدي', 'ساهد'],
  ['prefix and suffix', 'وساهدون', 'ساهد'],
  ['two suffixes', 'ساهدهات', 'ساهد'],
  ['too short to stem', 'الو', 'الو'],
  ['not Arabic', 'English', 'English'],
  ['empty', '', ''],
];

describe('stem (Lucene ArabicStemmer)', () => {
  it.each(LUCENE)('%s: %s → %s', (_rule, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(LUCENE)('%s holds after folding too: %s', (_rule, word, expected) => {
    expect(stem(foldArabic(word))).toBe(foldArabic(expected));
  });

  it('follows Lucene on common words', () => {
    expect(stem('كتابات')).toBe('كتاب');
    expect(stem('مدرستها')).toBe('مدرست');
    expect(stem('المدارس')).toBe('مدارس');
    expect(stem(foldArabic('والحكومة'))).toBe(stem(foldArabic('حكومة')));
    expect(stem(foldArabic('الحكومة'))).toBe('حكوم');
  });

  it('applies the length rules', () => {
    // و goes only from words of four letters or more; other prefixes leave two letters.
    expect(stemPrefix('وطن')).toBe('وطن');
    expect(stemPrefix('وطني')).toBe('طني');
    expect(stemPrefix('الم')).toBe('الم');
    expect(stemPrefix('المد')).toBe('مد');
    // Only one prefix, the first in Lucene's order.
    expect(stemPrefix('والكتاب')).toBe('كتاب');
    expect(stemPrefix('وبالكتاب')).toBe('بالكتاب');
    // Suffixes need two letters left.
    expect(stemSuffix('به')).toBe('به');
    expect(stemSuffix('ابه')).toBe('اب');
    expect(stemSuffix('ها')).toBe('ها');
  });
});

describe('partialStems (typing)', () => {
  const reaches = (partial: string, word: string) => {
    const full = stem(foldArabic(word));
    return partialStems(foldArabic(partial)).some((p) => full.startsWith(p));
  };

  it('lets every prefix of a word (from two letters) reach its stem', () => {
    for (const word of ['المدارس', 'والحكومة', 'ساهدات', 'بالاقتصاد', 'للاجئين', 'كتابات']) {
      const folded = foldArabic(word);
      for (let n = 2; n <= folded.length; n++) {
        const partial = folded.slice(0, n);
        if (partialStems(partial).length === 0) continue;
        expect(reaches(partial, word), `${partial} → ${word}`).toBe(true);
      }
    }
  });

  it('waits for a second letter', () => {
    expect(partialStems('م')).toEqual([]);
    expect(partialStems('مد')).toEqual(['مد']);
  });
});
