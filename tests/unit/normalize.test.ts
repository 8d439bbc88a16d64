import { foldArabic, tokens } from '@/lib/text/normalize';

describe('foldArabic', () => {
  it('folds alef forms, hamza carriers, alef maksura and teh marbuta', () => {
    expect(foldArabic('آأإٱ')).toBe('اااا');
    expect(foldArabic('مؤتمر')).toBe('موتمر');
    expect(foldArabic('رئيس')).toBe('رييس');
    expect(foldArabic('مستشفى')).toBe('مستشفي');
    expect(foldArabic('مدرسة')).toBe('مدرسه');
  });
  it('drops diacritics and tatweel so القرآن and القران meet', () => {
    expect(foldArabic('القُرْآن')).toBe(foldArabic('القران'));
    expect(foldArabic('كـــتاب')).toBe('كتاب');
  });
  it('maps Arabic-Indic and Persian digits to ASCII and folds Latin case', () => {
    expect(foldArabic('٢٠٢٤ و ۱۹')).toBe('2024 و 19');
    expect(foldArabic('CNN')).toBe('cnn');
  });
  it('maps presentation forms through NFKC and Persian letters to Arabic', () => {
    expect(foldArabic('\uFEFB')).toBe('لا');
    expect(foldArabic('کتابی')).toBe('كتابي');
  });
});

describe('tokens', () => {
  it('splits on punctuation, Arabic punctuation included', () => {
    expect(tokens('قال: «نعم»، ثم ذهب؛ (CNN)')).toEqual(['قال', 'نعم', 'ثم', 'ذهب', 'cnn']);
  });
});
