import { sniffCharset } from '@/lib/eval/charset';
import { containsSnippet, score, tokenF1, type Gold } from '@/lib/eval/score';

const GOLD: Gold = {
  isArabicArticle: true,
  language: 'ar',
  title: 'عنوان  الخبر',
  published: '2024-03-03',
  sections: ['القسم الأول'],
  text: 'قال الوزير إن المحادثات مستمرة.\n\nوأضاف أن الاتفاق قريب.',
  mustContain: ['الوزير إن', 'اق قريب'],
  mustNotContain: ['إعلان', 'اقرأ أيضا'],
};

describe('tokenF1', () => {
  it('scores token multisets after Arabic folding', () => {
    expect(tokenF1('قال الوزير', 'قال الوزير')).toEqual({ precision: 1, recall: 1, f1: 1 });
    // أ/ا and ة/ه fold together; punctuation is dropped.
    expect(tokenF1('أكد الحكومة.', 'اكد الحكومه').f1).toBe(1);
    const r = tokenF1('قال قال الوزير', 'قال الوزير اليوم أمس');
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 4);
    expect(r.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect(tokenF1('', 'نص').f1).toBe(0);
  });
});

describe('containsSnippet', () => {
  it('matches folded text, snippets cut mid-word at either end', () => {
    expect(
      containsSnippet('"لا ينسجم إطلاقًا مع صورته المعتادة".', 'جم إطلاقًا مع صورته المعتادة".'),
    ).toBe(true);
    expect(containsSnippet('أكدت جهات سورية معارضة', 'اكدت جهات سوريه')).toBe(true);
    expect(containsSnippet('أكدت جهات سورية معارضة', 'جهات معارضة')).toBe(false);
  });
});

describe('score', () => {
  it('checks title (whitespace collapsed), date, direction, sections, snippets and F1', () => {
    const s = score(
      {
        title: 'عنوان الخبر',
        published: '2024-03-03T13:52:13Z',
        dir: 'rtl',
        text: GOLD.text ?? '',
        sections: [{ title: 'القسم الأول' }],
      },
      GOLD,
    );
    expect(s).toEqual({
      titleOk: true,
      bylineOk: null,
      dateOk: true,
      dirOk: true,
      sectionsOk: true,
      mustContainMissing: [],
      mustNotContainFound: [],
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('reports what is wrong', () => {
    const s = score(
      {
        title: 'عنوان آخر',
        published: null,
        dir: null,
        text: 'إعلان قال الوزير',
        sections: ['قسم'],
      },
      GOLD,
    );
    expect(s.titleOk).toBe(false);
    expect(s.dateOk).toBe(false);
    expect(s.dirOk).toBe(false);
    expect(s.sectionsOk).toBe(false);
    expect(s.mustContainMissing).toEqual(['الوزير إن', 'اق قريب']);
    expect(s.mustNotContainFound).toEqual(['إعلان']);
    expect(s.f1).toBeLessThan(0.5);
  });

  it('gives null where the gold says nothing', () => {
    const s = score(
      { title: 'x', published: '2020-01-01', dir: 'rtl', text: 'نص', sections: [] },
      { isArabicArticle: true, language: 'ar', title: null, published: null, text: null },
    );
    expect([s.titleOk, s.dateOk, s.sectionsOk, s.precision, s.recall, s.f1]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(s.dirOk).toBe(true);
  });
});

describe('sniffCharset: the encoding a browser gives an undeclared or late-declared page', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const arabic = '<p>أعلنت وزارة الصحة تسجيل حالات جديدة</p>';

  it('ignores a charset inside a data: URL: the page is read as UTF-8', () => {
    const style = `<style>${'a{color:red}'.repeat(100)}</style>`;
    const icon = '<link rel="icon" href="data:text/plain;charset=windows-1256,x">';
    const page = `<html><head><title>خبر</title>${style}${icon}</head><body>${arabic}</body></html>`;
    expect(sniffCharset(bytes(page))).toBe('utf-8');
  });

  it('finds a <meta charset> past the first kilobyte while still in the head', () => {
    const page = `<head><style>${'b{x:y}'.repeat(2000)}</style><meta charset="windows-1256"></head><body>x</body>`;
    expect(sniffCharset(bytes(page))).toBe('windows-1256');
  });

  it('reads http-equiv Content-Type and ignores a meta after the head', () => {
    expect(
      sniffCharset(
        bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'),
      ),
    ).toBe('windows-1256');
    expect(sniffCharset(bytes('<head></head><body><meta charset="koi8-r"></body>'))).toBe('utf-8');
  });
});
