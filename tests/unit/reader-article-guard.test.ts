import { toReaderArticle } from '@/lib/reader/article-guard';

const GOOD = {
  url: 'https://news.example/a',
  title: 'عنوان',
  byline: null,
  siteName: 'موقع',
  published: '2025-07-13',
  lang: 'ar',
  dir: 'rtl',
  excerpt: '',
  leadImage: null,
  content: '<p>نص</p>',
  text: 'نص',
  sections: [
    { id: 'qari-s-1', level: 1, title: 'أ' },
    { id: 'qari-s-2', level: 2, title: 'ب' },
  ],
  wordCount: 2,
  readingMinutes: 1,
};

describe('toReaderArticle', () => {
  it('accepts a well-formed article unchanged', () => {
    expect(toReaderArticle(GOOD)).toEqual(GOOD);
  });

  it('rejects values without the fields the view needs', () => {
    for (const bad of [
      null,
      'x',
      [],
      { ...GOOD, content: 1 },
      { ...GOOD, title: undefined },
      { ...GOOD, byline: 3 },
    ]) {
      expect(toReaderArticle(bad)).toBeNull();
    }
  });

  it('drops malformed sections and repairs optional fields', () => {
    const got = toReaderArticle({
      ...GOOD,
      dir: 'sideways',
      readingMinutes: 'long',
      sections: [
        { id: '', title: 'x' },
        { id: 'qari-s-2', title: 'y', level: 'deep' },
        'junk',
        null,
      ],
    })!;
    expect(got.sections).toEqual([{ id: 'qari-s-2', title: 'y', level: 1 }]);
    expect(got.dir).toBe('rtl');
    expect(got.readingMinutes).toBe(0);
  });
});
