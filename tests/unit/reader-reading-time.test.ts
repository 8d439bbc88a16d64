import { readingTimePhrase, type Translate } from '@/lib/reader/reading-time';
import { localeMessages } from './locale-messages';

// The messages are the extension's own (public/_locales), as the browser serves them.
const english: Translate = localeMessages('en');

describe('readingTimePhrase in Arabic', () => {
  const ar = (n: number) => readingTimePhrase(n, 'ar');

  it('uses the right noun form for each plural category', () => {
    expect(ar(0)).toBe('أقل من دقيقة قراءة');
    expect(ar(1)).toBe('دقيقة قراءة');
    expect(ar(2)).toBe('دقيقتا قراءة');
    expect(ar(3)).toBe('٣ دقائق قراءة');
    expect(ar(5)).toBe('٥ دقائق قراءة');
    expect(ar(10)).toBe('١٠ دقائق قراءة');
    expect(ar(11)).toBe('١١ دقيقة قراءة');
    expect(ar(99)).toBe('٩٩ دقيقة قراءة');
    expect(ar(100)).toBe('١٠٠ دقيقة قراءة');
    expect(ar(103)).toBe('١٠٣ دقائق قراءة');
  });

  it('rounds fractional minutes and guards against nonsense', () => {
    expect(ar(4.6)).toBe('٥ دقائق قراءة');
    expect(ar(0.4)).toBe('أقل من دقيقة قراءة');
    expect(ar(-3)).toBe('أقل من دقيقة قراءة');
    expect(ar(Number.NaN)).toBe('أقل من دقيقة قراءة');
  });

  it('looks up the message for the plural category with the formatted number', () => {
    const calls: [string, string[] | undefined][] = [];
    const translate: Translate = (key, subs) => {
      calls.push([key, subs]);
      return `<${key}:${subs?.[0]}>`;
    };
    expect(readingTimePhrase(7, 'ar', translate)).toBe('<readingTime_few:٧>');
    expect(readingTimePhrase(12, 'ar', translate)).toBe('<readingTime_many:١٢>');
    expect(calls.map((c) => c[0])).toEqual(['readingTime_few', 'readingTime_many']);
  });
});

describe('readingTimePhrase in English', () => {
  it('uses the English categories and Latin digits', () => {
    const en = english;
    expect(readingTimePhrase(0, 'en', en)).toBe('Under a minute read');
    expect(readingTimePhrase(1, 'en', en)).toBe('1 min read');
    expect(readingTimePhrase(2, 'en', en)).toBe('2 min read');
    expect(readingTimePhrase(15, 'en', en)).toBe('15 min read');
  });
});
