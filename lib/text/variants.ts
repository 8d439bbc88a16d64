/**
 * Spellings of one name or loanword that Arabic news writes in more than one way (ماكرون/ماكرن،
 * إنستغرام/انستجرام، أوروبا/أوربا), and the names written as one word or two (فيسبوك/فيس بوك), and ابن as the بن of a name.
 * Each line is one word's spellings separated by `|`, the first the one kept; a spelling with a
 * space is written as two words. The analyzer folds and stems them at load.
 */

const SPELLINGS = `
بن|ابن
ماكرون|ماكرن
ترامب|ترمب
نتنياهو|نتانياهو
بايدن|بايدين
بوتين|بوتن
أردوغان|اردغان
أوروبا|أوربا
أمريكا|أميركا
الأمريكي|الأميركي
إنستغرام|انستجرام|انستقرام|إنستاغرام|انستغرام|إنستجرام|انستاجرام
فيسبوك|فيس بوك
يوتيوب|يوتوب|يو تيوب
واتساب|واتس اب|واتسآب|واتس آب
تويتر|تويتير
تيكتوك|تيك توك
جوجل|غوغل|قوقل
مايكروسوفت|ميكروسوفت
نيويورك|نيو يورك
إسطنبول|اسطنبول|استانبول|إستانبول
ديمقراطية|ديموقراطية
فيروس|فايروس
كورونا|كرونا
أولمبياد|اولمبياد
إلكتروني|اليكتروني
`;

/** Each line's spellings, the kept one first. */
export function spellingFamilies(): string[][] {
  return SPELLINGS.split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split('|'));
}
