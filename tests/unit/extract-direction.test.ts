import fc from 'fast-check';
import { extract } from '@/lib/extract';
import { detectLanguage, markBlockDirections } from '@/lib/extract/direction';
import { charsPerMinute, countWords, readingMinutes } from '@/lib/extract/reading-time';
import { tokens } from '@/lib/text/normalize';
import { loadHtml, readPage } from './extract-pages';

const AR =
  'قال المتحدث باسم الوزارة إن الاجتماع تناول قضايا عديدة تخص التعاون الاقتصادي بين البلدين.';
const EN = 'The ministry spokesman said the meeting covered many economic and trade issues.';

describe('detectLanguage', () => {
  it('calls Arabic-dominant text Arabic and right-to-left whatever the page declares', () => {
    expect(detectLanguage(`${AR} ${AR} CNN BBC`, 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(detectLanguage(AR, null)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('tells Persian and Urdu from Arabic by their own letters', () => {
    expect(
      detectLanguage('این یک متن فارسی است که برای آزمایش نوشته شده و چند کلمه دیگر دارد', null)
        .lang,
    ).toBe('fa');
    expect(
      detectLanguage(
        'یہ ایک اردو متن ہے جو جانچ کے لیے لکھا گیا ہے اور اس میں کچھ اور الفاظ ہیں',
        null,
      ).lang,
    ).toBe('ur');
  });

  it('calls Latin-dominant text left-to-right, keeping a declared Latin language', () => {
    expect(detectLanguage(`${EN} ${EN} ${AR}`, 'fr-FR')).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(detectLanguage(EN, 'ar')).toEqual({ lang: 'und', dir: 'ltr' });
  });

  it('falls back to the declared language when the text has no letters', () => {
    expect(detectLanguage('١٢٣ 456', 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(detectLanguage('', null)).toEqual({ lang: 'und', dir: 'ltr' });
  });
});

describe('markBlockDirections', () => {
  it('gives Latin-only blocks ltr, Latin-dominated mixed blocks auto, and drops page-set dirs', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p dir="ltr">${AR}</p><p>${EN}</p><p>${EN} ${EN} كلمة</p><blockquote><p>${AR} Just for Men</p></blockquote><pre>code()</pre>`;
    markBlockDirections(root, 'rtl');
    expect(Array.from(root.querySelectorAll('p, pre')).map((p) => p.getAttribute('dir'))).toEqual([
      null,
      'ltr',
      'auto',
      null,
      'ltr',
    ]);
  });
});

describe('reading time and words', () => {
  it('reads Arabic at 612 characters a minute and English at 987', () => {
    expect(charsPerMinute('ar')).toBe(612);
    expect(charsPerMinute('ar-EG')).toBe(612);
    expect(charsPerMinute('en')).toBe(987);
    expect(charsPerMinute('xx')).toBe(987);
    const text = 'ا'.repeat(612 * 5);
    expect(readingMinutes(text, 'ar')).toBe(5);
    expect(readingMinutes(text, 'en')).toBe(3);
    expect(readingMinutes('قصير', 'ar')).toBe(1);
  });

  it('counts words exactly as tokens() does', () => {
    expect(countWords(`${AR} (CNN) -- ١٢٣ كِتَابٌ`)).toBe(tokens(`${AR} (CNN) -- ١٢٣ كِتَابٌ`).length);
    const alphabet = fc.constantFrom(
      ...'ابتثجحخدذرسشصضطظعغفقكلمنهوية ءآأإؤئىٰ'.split(''),
      '\u064E',
      '\u0651',
      '\u0640',
      '\u06E5',
      '\u200C',
      '\uFEFB',
      ' ',
      '\n',
      '،',
      '.',
      '-',
      'a',
      'Z',
      '7',
      '٣',
      '«',
      '»',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const s = chars.join('');
        expect(countWords(s)).toBe(tokens(s).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('extraction sets language and direction from the text', () => {
  it('marks a Latin paragraph inside an Arabic article ltr and the article rtl', async () => {
    const body = Array.from({ length: 6 }, () => `<p>${AR}</p>`).join('');
    const page = loadHtml(
      `<html><head><title>خبر</title></head><body><article><h1>خبر</h1>${body}<p>${EN}</p>${body}</article></body></html>`,
      'https://site.example/a',
    );
    const res = extract(page.document);
    await page.close();
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.dir).toBe('rtl');
    expect(res.article.lang).toBe('ar');
    expect(res.article.content).toContain(`<p dir="ltr">${EN}</p>`);
  });

  it.each([
    ['corpus/real/fardapaper-fa-1.html', 'fa'],
    ['corpus/real/naibaat-ur-1.html', 'ur'],
  ])('%s is %s, right-to-left', async (file, lang) => {
    const page = loadHtml(readPage({ file }), 'https://site.example/a');
    const res = extract(page.document);
    await page.close();
    expect(res.ok).toBe(true);
    if (res.ok) expect([res.article.lang, res.article.dir]).toEqual([lang, 'rtl']);
  });
});
