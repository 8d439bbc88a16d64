/**
 * The reader header's line of facts speaks one set of digits: the date is written in the digits
 * the article writes its dates in (lib/reader/date-naming.ts), and the reading time beside it
 * follows, so an article written with Latin digits never shows «4 أكتوبر 2026» beside
 * «٣ دقائق قراءة» (seen in both browsers' reader screenshots).
 */
import { render } from 'preact';
import { ArticleHeader } from '@/components/reader/ArticleHeader';
import { readerLabels } from '@/lib/reader/labels';
import { makeArticle } from './store-fixtures';
import { preactRoot } from './preact-root';

const LATIN = /[0-9]/;
const ARABIC_INDIC = /[٠-٩]/;

describe('the reader header’s digits', () => {
  const root = preactRoot();
  const meta = (
    text: string,
    ui: 'ar' | 'en' = 'ar',
    published: string | null = '2026-10-04T09:30:00+03:00',
  ) => {
    const article = makeArticle({ text, published, readingMinutes: 3 });
    render(<ArticleHeader article={article} ui={ui} labels={readerLabels()} />, root.get());
    const el = root.get();
    return {
      date: el.querySelector('.qari-date')?.textContent ?? '',
      time: el.querySelector('.qari-reading-time')?.textContent ?? '',
    };
  };

  it.each([
    [
      'Latin digits beside a date',
      'the article writes in Latin digits',
      'الأحد، 4 أكتوبر 2026. شاهده 1,204 قارئ.',
      LATIN,
      '3',
    ],
    [
      'Arabic-Indic digits beside a date',
      'the article writes in those',
      'الأحد، ٤ أكتوبر ٢٠٢٦. شاهده ١٢٠٤ قارئ.',
      ARABIC_INDIC,
      '٣',
    ],
    [
      'the UI’s Arabic-Indic digits beside a date',
      'an article that writes no digits',
      'مقال بلا أرقام ولا تواريخ.',
      ARABIC_INDIC,
      '٣',
    ],
  ])('writes the reading time in %s %s', (_digits, _article, text, digits, three) => {
    const { date, time } = meta(text);
    const other = digits === LATIN ? ARABIC_INDIC : LATIN;
    expect(date).toMatch(digits);
    expect(date).not.toMatch(other);
    expect(time).toContain(three);
    expect(time).not.toMatch(other);
  });

  it('keeps the UI’s Arabic-Indic digits in the reading time when no date is shown', () => {
    expect(meta('شاهده 1,204 قارئ في 2026.', 'ar', null).time).toContain('٣');
  });

  it('keeps Latin digits in an English UI whatever the article writes', () => {
    const { date, time } = meta('الأحد، ٤ أكتوبر ٢٠٢٦.', 'en');
    expect(date).not.toMatch(ARABIC_INDIC);
    expect(time).toContain('3');
  });
});
