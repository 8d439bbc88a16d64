import { cliticBases } from '@/lib/text/forms';
import { foldArabic, formsOf, searchTokens, termOf, termsOf } from '@/lib/text/analyze';

const forms = (w: string) => formsOf(foldArabic(w));
const term = (w: string) => termOf(foldArabic(w));

describe('index forms of a word', () => {
  it.each([
    ['بمحافظة', 'محافظة'],
    ['لتعزيز', 'تعزيز'],
    ['كعاصمة', 'عاصمة'],
    ['وبقرار', 'قرار'],
    ['للحوم', 'اللحوم'],
    ['للبنان', 'لبنان'],
    ['حكومتنا', 'حكومة'],
    ['مدينتهم', 'مدينة'],
    ['بلادكم', 'بلاد'],
    ['حصتهما', 'حصة'],
    ['أبناؤهم', 'أبناء'],
    ['وقرار', 'قرار'],
  ])('%s is also indexed as %s', (written, typed) => {
    expect(forms(written)).toContain(term(typed));
  });

  it.each([
    ['بنك', 'نك'],
    ['كامل', 'أمل'],
    ['كتاب', 'تاب'],
    ['فريق', 'ريق'],
  ])('%s is not read as a clitic and %s (too short once taken off)', (written, other) => {
    expect(forms(written)).not.toContain(term(other));
    expect(cliticBases(foldArabic(written))).not.toContain(foldArabic(other));
  });

  it('keeps a lone و in the term and indexes the word without it too', () => {
    expect(term('وهمي')).toBe(term('الوهمية'));
    expect(forms('وقرار')).toContain(term('قرار'));
    expect(term('وطن')).toBe('وطن');
  });

  it.each([
    ['مباراة', 'مباريات'],
    ['فيضان', 'الفيضانات'],
    ['لبنان', 'اللبنانية'],
    ['فلسطين', 'فلسطيني'],
    ['ماكرون', 'ماكرن'],
    ['ترامب', 'ترمب'],
    ['إنستغرام', 'انستجرام'],
    ['أوروبا', 'أوربا'],
    ['ابن', 'بن'],
    ['فولفو', 'ڤولفو'],
    ['قفصة', 'ڨفصة'],
    ['باكستان', 'پاكستان'],
  ])('%s and %s are one term', (a, b) => {
    expect(term(a)).toBe(term(b));
  });

  it('gives a broken plural and its singular one lexicon key', () => {
    const key = (w: string) => forms(w).filter((f) => f.startsWith('~'));
    expect(key('شوارع')).toEqual(key('شارع'));
    expect(key('وزراء')).toEqual(key('وزير'));
    expect(key('واردات')).toEqual(key('استيراد'));
    expect(key('شارع')).not.toEqual([]);
  });

  it('joins two-word names and splits letter+digit runs', () => {
    expect(searchTokens('عبد الرحمن')).toEqual(searchTokens('عبدالرحمن'));
    expect(searchTokens('فيس بوك')).toEqual(searchTokens('فيسبوك'));
    expect(termsOf('قمة جي20')).toEqual(expect.arrayContaining(['جي20', 'جي', '20']));
    expect(termsOf('عبد الرحمن')).toEqual(expect.arrayContaining(termsOf('عبدالرحمن')));
  });
});
