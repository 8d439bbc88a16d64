import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { search } from '@/lib/search';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

// Each row: the rule exercised, what the reader types, and the words as the article writes them.
// The article holds the words inside neutral filler; the query must find it.
const FOUND: [rule: string, query: string, written: string][] = [
  ['diacritics (tashkeel)', 'مدرسة', 'افتتحت مَدْرَسَةٌ جديدة'],
  ['diacritics in the query', 'كَتَبَ', 'كتب الصحفي تقريره'],
  ['shadda', 'محمد', 'قال محمّد إن'],
  ['superscript alef', 'رحمن', 'الرحمٰن'],
  ['tatweel', 'جميل', 'يوم جمـــيل'],
  ['alef madda آ', 'اثار', 'زار السياح آثار المدينة'],
  ['hamza above أ', 'احمد', 'صرح أحمد'],
  ['hamza below إ', 'اسلام', 'تاريخ إسلام المغرب'],
  ['alef wasla ٱ', 'رحيم', 'ٱلرحيم'],
  ['hamza in the query, none written', 'أسعار', 'ارتفعت اسعار النفط'],
  ['alef maksura ى → ي', 'مستشفي', 'نقل إلى مستشفى قريب'],
  ['ي in the text for ى typed', 'مستشفى', 'نقل إلى مستشفي قريب'],
  ['teh marbuta ة → ه', 'جامعه', 'طلاب جامعة دمشق'],
  ['waw hamza ؤ → و', 'موتمر', 'انعقد مؤتمر السلام'],
  ['yeh hamza ئ → ي', 'رييس', 'التقى رئيس الوزراء'],
  ['Persian kaf ک', 'كتاب', 'صدر کتاب جدید'],
  ['Persian yeh ی', 'ايران', 'زار وفد ایران'],
  ['Arabic-Indic digits', '2024', 'في عام ٢٠٢٤ وقعت'],
  ['Persian digits', '1403', 'سال ۱۴۰۳'],
  ['digits typed as Arabic-Indic', '٢٠٢٤', 'in 2024 the'],
  ['NFKC presentation form ﻻ', 'لاعب', 'أفضل ﻻعب في الدوري'],
  ['Latin case', 'cnn', 'نقلت شبكة CNN'],
  ['Latin case, typed upper', 'NASA', 'أعلنت nasa'],
  ['zero-width joiner inside a word', 'مدينة', 'سكان مدي\u200dنة حلب'],
  ['prefix ال', 'سياسة', 'تغيرت السياسة الخارجية'],
  ['prefix وال', 'اقتصاد', 'الأمن والاقتصاد'],
  ['prefix بال', 'عاصمة', 'اجتماع بالعاصمة'],
  ['prefix كال', 'عادة', 'وصل كالعادة'],
  ['prefix فال', 'مواطن', 'فالمواطن يدفع الثمن'],
  ['prefix لل', 'تعليم', 'ميزانية للتعليم'],
  ['prefix و', 'قرار', 'وقرار المحكمة'],
  ['prefix typed, none written', 'والصحة', 'وزارة صحة'],
  ['suffix ها', 'زوج', 'رافقها زوجها'],
  ['suffix ان', 'لاعب', 'أصيب لاعبان'],
  ['suffix ات', 'انتخاب', 'جرت انتخابات'],
  ['suffix ون', 'معلم', 'أضرب معلمون'],
  ['suffix ين', 'مهندس', 'عين مهندسين'],
  ['suffix يه (ية folded)', 'خارجي', 'وزارة الخارجية'],
  ['suffix ية', 'اقتصادي', 'أزمة اقتصادية'],
  ['suffix ه', 'كتاب', 'نشر كتابه'],
  ['suffix ة (with ات)', 'شركات', 'أعلنت شركة'],
  ['suffix ي', 'مصر', 'الجيش المصري'],
  ['prefix and two suffixes', 'مستشفى', 'بالمستشفيات'],
  ['prefix and suffix both sides', 'معلمين', 'والمعلمون'],
  ['brief: المدارس / مدارس', 'مدارس', 'أغلقت المدارس'],
  ['brief: والحكومة / حكومة', 'حكومة', 'البرلمان والحكومة'],
  ['two words, any order', 'أزمة الخبز', 'الخبز يعود بعد أزمة'],
  ['words across fields (title and body)', 'جدة مطار', 'افتتاح مطار جديد'],
];

// Queries that must NOT find the article: other roots that share letters, and partial matches.
const NOT_FOUND: [why: string, query: string, written: string][] = [
  ['كتاب is not مكتب / كتب', 'كتاب', 'زرنا مكتب التحرير وكتب المدير'],
  ['سلام is not إسلام', 'سلام', 'تاريخ الإسلام'],
  ['علم is not عالم', 'علم', 'كأس العالم'],
  ['جامعة is not جماعة', 'جامعة', 'جماعة مسلحة'],
  ['حرب is not حزب', 'حرب', 'حزب المعارضة'],
  ['قطر is not قطار', 'قطر', 'قطار سريع'],
  ['مصر is not مصرف (whole word)', 'مصر ', 'مصرف لبنان'],
  ['أمل is not عمل', 'أمل', 'سوق العمل'],
  ['وطن keeps its و (too short to strip)', 'وطن', 'وزن طن'],
  ['2024 is not 2023', '٢٠٢٤', 'عام ٢٠٢٣'],
  ['every word must match', 'حكومة مدرسة', 'الحكومة الجديدة'],
  ['a stop word alone finds nothing', 'في ', 'في البيت'],
];

const FILLER = 'وقالت مصادر مطلعة إن التفاصيل ستعلن لاحقا.';

let db: QariDb;
const foundIds: number[] = [];
const missIds: number[] = [];

beforeAll(async () => {
  db = freshDb();
  for (const [i, [, , written]] of FOUND.entries()) {
    const title = i === FOUND.length - 1 ? 'جدة' : `تقرير ${i}`;
    const text = `${FILLER} ${written}. ${FILLER}`;
    const url = `https://example.com/found/${i}`;
    foundIds.push((await saveArticle(db, makeArticle({ url, title, text }))).entry.id);
  }
  for (const [i, [, , written]] of NOT_FOUND.entries()) {
    const url = `https://example.com/miss/${i}`;
    const text = `${FILLER} ${written}. ${FILLER}`;
    missIds.push((await saveArticle(db, makeArticle({ url, title: `ملف ${i}`, text }))).entry.id);
  }
});
afterAll(() => dropDb(db));

async function ids(query: string): Promise<number[]> {
  return (await search(db, query, { limit: 200 })).hits.map((h) => h.entry.id);
}

describe('search quality', () => {
  it('has a table of at least 40 pairs', () => {
    expect(FOUND.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FOUND.map((row, i) => [...row, i] as const))(
    '%s: "%s" finds "%s"',
    async (_rule, query, _written, i) => {
      // As a finished word, and while still typing it.
      expect(await ids(`${query} `)).toContain(foundIds[i]);
      expect(await ids(query)).toContain(foundIds[i]);
    },
  );

  it.each(NOT_FOUND.map((row, i) => [...row, i] as const))(
    '%s: "%s" does not find "%s"',
    async (_why, query, _written, i) => {
      const q = query.endsWith(' ') ? query : `${query} `;
      expect(await ids(q)).not.toContain(missIds[i]);
    },
  );

  it('the filler alone is not what makes the pairs match', async () => {
    // The article of the word first; below it only the one with its plural (المدارس).
    const plural = FOUND.findIndex(([, , written]) => written === 'أغلقت المدارس');
    expect(await ids('مدرسة ')).toEqual([foundIds[0], foundIds[plural]]);
  });
});
