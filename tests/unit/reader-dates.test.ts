import { formatPublished } from '@/lib/reader/dates';

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
