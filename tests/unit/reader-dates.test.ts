import { formatPublished } from '@/lib/reader/dates';
import { dateNamingOf } from '@/lib/reader/date-naming';

const ARABIC_DIGITS = /[٠-٩]/;
const LATIN_DIGITS = /[0-9]/;

describe('formatPublished', () => {
  it('gives the Gregorian and Umm al-Qura Hijri dates in Arabic with Arabic-Indic digits', () => {
    // 13 July 2025 is 18 Muharram 1447.
    const d = formatPublished('2025-07-13', 'ar');
    expect(d).not.toBeNull();
    expect(d!.gregorian).toContain('يوليو');
    expect(d!.gregorian).toContain('١٣');
    expect(d!.gregorian).toContain('٢٠٢٥');
    expect(d!.hijri).toContain('محرم');
    expect(d!.hijri).toContain('١٨');
    expect(d!.hijri).toContain('١٤٤٧');
    for (const s of [d!.gregorian, d!.hijri]) {
      expect(s).toMatch(ARABIC_DIGITS);
      expect(s).not.toMatch(LATIN_DIGITS);
    }
    expect(d!.iso).toBe('2025-07-13');
  });

  it('uses English month names and the Hijri calendar in English for an English UI', () => {
    const d = formatPublished('2024-03-11', 'en')!;
    // 11 March 2024 is 1 Ramadan 1445.
    expect(d.gregorian).toMatch(/March 11, 2024/);
    expect(d.hijri).toMatch(/Ramadan/);
    expect(d.hijri).toMatch(/1445/);
    expect(d.gregorian).not.toMatch(ARABIC_DIGITS);
  });

  it('keeps a bare date on its day in any time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Riyadh']) {
      expect(formatPublished('2025-01-01', 'en', tz)!.gregorian).toBe('January 1, 2025');
    }
  });

  it('formats a date-time in the given time zone', () => {
    const iso = '2025-01-01T23:30:00Z';
    expect(formatPublished(iso, 'en', 'UTC')!.gregorian).toBe('January 1, 2025');
    expect(formatPublished(iso, 'en', 'Asia/Riyadh')!.gregorian).toBe('January 2, 2025');
  });

  it('gives nothing for a missing or unparseable date', () => {
    expect(formatPublished(null, 'ar')).toBeNull();
    expect(formatPublished('', 'ar')).toBeNull();
    expect(formatPublished('yesterday', 'ar')).toBeNull();
  });
});

describe('the date in the naming and digits the article uses', () => {
  const levant = 'عقد المجلس جلسته في ١٥ كانون الثاني ٢٠٢٤ بعد تأجيلها من أيلول الماضي.';
  const tunis = 'انطلقت الدورة يوم 15 جانفي 2024 وتتواصل إلى موفى فيفري المقبل.';
  const morocco = 'صادق المجلس يوم 3 يوليوز 2024 على المشروع، على أن يدخل حيز التنفيذ في غشت.';
  const egypt = 'أعلنت الوزارة في ١٥ يناير ٢٠٢٤ عن خطة جديدة تبدأ في مارس.';

  it('reads which month names and digits an article writes', () => {
    expect(dateNamingOf(levant)).toEqual({ locale: 'ar-LB', digits: 'arab' });
    expect(dateNamingOf(tunis)).toEqual({ locale: 'ar-TN', digits: 'latn' });
    expect(dateNamingOf(morocco)).toEqual({ locale: 'ar-MA', digits: 'latn' });
    expect(dateNamingOf(egypt)).toEqual({ locale: 'ar-EG', digits: 'arab' });
    // Two namings side by side («مارس/آذار», BBC Arabic's way), or none: the default.
    expect(dateNamingOf('في 2 مارس/آذار 2024 وفي 5 أبريل/نيسان').locale).toBe('ar');
    expect(dateNamingOf('نص بلا تاريخ').locale).toBe('ar');
  });

  it('shows the header date in that naming', () => {
    const at = (text: string) =>
      formatPublished('2024-01-15', 'ar', undefined, dateNamingOf(text))!.gregorian;
    expect(at(levant)).toBe('١٥ كانون الثاني ٢٠٢٤');
    expect(at(tunis)).toBe('15 جانفي 2024');
    expect(at(egypt)).toBe('١٥ يناير ٢٠٢٤');
    expect(formatPublished('2024-07-03', 'ar', undefined, dateNamingOf(morocco))!.gregorian).toBe(
      '3 يوليوز 2024',
    );
  });

  it('keeps the English UI’s own dates', () => {
    expect(formatPublished('2024-01-15', 'en', undefined, dateNamingOf(levant))!.gregorian).toBe(
      'January 15, 2024',
    );
  });
});
