import { isDateLine, isRelativeDate, normalizeIsoDate, parseArabicDate } from '@/lib/extract/dates';

describe('parseArabicDate', () => {
  it('reads Egyptian/Gulf month names', () => {
    expect(parseArabicDate('13 يوليو 2025')).toBe('2025-07-13');
    expect(parseArabicDate('الخميس 3 أبريل 2024')).toBe('2024-04-03');
    expect(parseArabicDate('نشر في 1 ديسمبر 2019 - 10:30 ص')).toBe('2019-12-01');
    expect(parseArabicDate('5 يونيه 2020')).toBe('2020-06-05');
  });

  it('reads Levantine/Iraqi month names, two-word ones included', () => {
    expect(parseArabicDate('12 كانون الثاني 2021')).toBe('2021-01-12');
    expect(parseArabicDate('12 كانون الأول 2021')).toBe('2021-12-12');
    expect(parseArabicDate('7 تشرين الأول 2023')).toBe('2023-10-07');
    expect(parseArabicDate('7 تشرين الثاني 2023')).toBe('2023-11-07');
    expect(parseArabicDate('السبت 15 شباط 2020')).toBe('2020-02-15');
    expect(parseArabicDate('1 أيلول 2018')).toBe('2018-09-01');
  });

  it('reads Maghrebi month names', () => {
    expect(parseArabicDate('الجمعة 8 فيفري 2019')).toBe('2019-02-08');
    expect(parseArabicDate('28 أوت 2013')).toBe('2013-08-28');
    expect(parseArabicDate('4 جويلية 2022')).toBe('2022-07-04');
  });

  it('reads paired month names ("آب/أغسطس", "مارس/ آذار")', () => {
    expect(parseArabicDate('الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)')).toBe(
      '2013-08-28',
    );
    expect(parseArabicDate('3 مارس/ آذار 2024')).toBe('2024-03-03');
    expect(parseArabicDate('في 9 أكتوبر (تشرين الأول) 2023')).toBe('2023-10-09');
  });

  it('reads Arabic-Indic and Persian digits', () => {
    expect(parseArabicDate('١٣ يوليو ٢٠٢٥')).toBe('2025-07-13');
    expect(parseArabicDate('۲۸ آب ۲۰۱۳')).toBe('2013-08-28');
    expect(parseArabicDate('٢٠٢٦-٠١-٠٨')).toBe('2026-01-08');
  });

  it('reads month-first (tagDiv "يوليو 13, 2025") and numeric dates', () => {
    expect(parseArabicDate('يوليو 13, 2025')).toBe('2025-07-13');
    expect(parseArabicDate('السبت, يوليو 19, 2025')).toBe('2025-07-19');
    expect(parseArabicDate('2026-01-08 | 12:42')).toBe('2026-01-08');
    expect(parseArabicDate('08/01/2026')).toBe('2026-01-08');
    expect(parseArabicDate('01/28/2026')).toBe('2026-01-28');
    expect(parseArabicDate('March 3, 2024')).toBe('2024-03-03');
  });

  it('gives null for relative dates, impossible dates and text without a date', () => {
    expect(parseArabicDate('منذ ساعتين')).toBeNull();
    expect(parseArabicDate('منذ 3 أيام')).toBeNull();
    expect(parseArabicDate('قبل 5 دقائق')).toBeNull();
    expect(parseArabicDate('أمس')).toBeNull();
    expect(parseArabicDate('31 فبراير 2024')).toBeNull();
    expect(parseArabicDate('15 رمضان 1445')).toBeNull();
    expect(parseArabicDate('قال الأب إن ابنه عاد')).toBeNull();
    expect(parseArabicDate('')).toBeNull();
  });

  it('agrees with Intl: every month as Intl writes it in Egypt, Syria, Tunisia and Morocco', () => {
    for (const locale of ['ar-EG', 'ar-SY', 'ar-TN', 'ar-MA']) {
      const fmt = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        calendar: 'gregory',
        timeZone: 'UTC',
      });
      for (let m = 1; m <= 12; m++) {
        const written = fmt.format(new Date(Date.UTC(2021, m - 1, 17)));
        expect([locale, written, parseArabicDate(written)]).toEqual([
          locale,
          written,
          `2021-${String(m).padStart(2, '0')}-17`,
        ]);
      }
    }
  });
});

describe('isRelativeDate', () => {
  it('spots relative time words', () => {
    expect(isRelativeDate('منذ ساعتين')).toBe(true);
    expect(isRelativeDate('أمس')).toBe(true);
    expect(isRelativeDate('13 يوليو 2025')).toBe(false);
  });
});

describe('isDateLine', () => {
  it('accepts a line that is only a date with weekday, time and "updated" words', () => {
    expect(isDateLine('الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)')).toBe(true);
    expect(isDateLine('2026-01-08 | 12:42')).toBe(true);
    expect(isDateLine('3 مارس/ آذار 2024')).toBe(true);
  });

  it('rejects a sentence that mentions a date', () => {
    expect(isDateLine('ومنذ بداية الحراك الشعبي في 13 ديسمبر 2018 ونحن نواجه القمع')).toBe(false);
  });
});

describe('normalizeIsoDate', () => {
  it('keeps an ISO string as written so the publisher’s calendar day survives', () => {
    expect(normalizeIsoDate('2025-07-13T00:30:00+03:00')).toBe('2025-07-13T00:30:00+03:00');
    expect(normalizeIsoDate(' 2024-03-03 ')).toBe('2024-03-03');
  });

  it('converts other parseable forms and rejects junk', () => {
    expect(normalizeIsoDate('Wed, 28 Aug 2013 10:00:00 GMT')).toBe('2013-08-28T10:00:00.000Z');
    expect(normalizeIsoDate('28 آب 2013')).toBe('2013-08-28');
    expect(normalizeIsoDate('1693216800')).toBeNull();
    expect(normalizeIsoDate('2024-02-30')).toBeNull();
    expect(normalizeIsoDate('not a date')).toBeNull();
    expect(normalizeIsoDate(null)).toBeNull();
  });
});
