import { readFileSync } from 'node:fs';
import path from 'node:path';
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { search, parseQuery } from '@/lib/search';
import { WHOLE } from '@/lib/search/query';
import { highlight, snippet } from '@/lib/search/highlight';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const SHARED = path.resolve(__dirname, '../../../shared');
const T0 = Date.UTC(2025, 5, 1);

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

async function save(n: number, title: string, text: string, savedAt: number): Promise<number> {
  const url = `https://example.com/n/${n}`;
  return (await saveArticle(db, makeArticle({ url, title, text }), { now: savedAt })).entry.id;
}

describe('ranking', () => {
  it('puts title hits above body hits, then newer above older', async () => {
    const bodyOld = await save(1, 'أخبار اليوم', 'ارتفعت أسعار النفط في الأسواق', T0);
    const titleOld = await save(2, 'أسعار النفط ترتفع', 'تقرير عن الطاقة', T0 + 1);
    const bodyNew = await save(3, 'نشرة المساء', 'تراجع سعر النفط الخام', T0 + 2);
    const titleNew = await save(4, 'النفط يتراجع', 'تقرير آخر', T0 + 3);
    await save(5, 'رياضة', 'مباراة كرة القدم', T0 + 4);
    const res = await search(db, 'النفط ');
    expect(res.total).toBe(4);
    expect(res.hits.map((h) => h.entry.id)).toEqual([titleNew, titleOld, bodyNew, bodyOld]);
    expect(res.hits.map((h) => h.titleMatches)).toEqual([1, 1, 0, 0]);
  });

  it('ranks more title words first', async () => {
    const one = await save(1, 'أسعار الذهب', 'النفط أيضا', T0 + 5);
    const two = await save(2, 'أسعار النفط', 'تقرير', T0);
    const none = await save(3, 'تقرير', 'أسعار النفط', T0 + 9);
    const res = await search(db, 'أسعار النفط ');
    expect(res.hits.map((h) => h.entry.id)).toEqual([two, one, none]);
  });

  it('pages through results with a stable order and a total', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(await save(i, `خبر ${i}`, 'الانتخابات البرلمانية', T0 + i));
    const first = await search(db, 'انتخابات ', { limit: 3 });
    const rest = await search(db, 'انتخابات ', { limit: 3, offset: 3 });
    const last = await search(db, 'انتخابات ', { limit: 3, offset: 6 });
    expect(first.total).toBe(7);
    expect([...first.hits, ...rest.hits, ...last.hits].map((h) => h.entry.id)).toEqual(
      [...ids].reverse(),
    );
  });
});

describe('search as you type', () => {
  it('matches the word being typed by prefix, every earlier word exactly', async () => {
    const schools = await save(1, 'المدارس تفتح', 'بدأ العام الدراسي في المدارس الحكومية', T0);
    const teacher = await save(2, 'المدرس', 'قال المدرس إن الطلاب', T0 + 1);
    const gov = await save(3, 'الحكومة', 'قررت الحكومة', T0 + 2);
    const typed: [string, number[]][] = [
      ['الم', []],
      // Two letters of stem are not widened: مد… would match every مدرس، مدير، مدينة.
      ['المد', []],
      ['المدا', [schools]],
      ['المدار', [schools]],
      // Below the direct match, the lexicon's: مدارس is the plural of مدرسة, whose light stem
      // مدرس is also the teacher's.
      ['المدارس', [schools, teacher]],
      ['المدارس الح', [schools]],
      ['المدارس الحكو', [schools]],
      ['الحكو', [gov, schools]],
      ['مدارس حكومي', [schools]],
    ];
    for (const [query, expected] of typed) {
      const got = (await search(db, query)).hits.map((h) => h.entry.id);
      expect(got, query).toEqual(expected);
    }
  });

  it('treats a trailing space as a finished word', async () => {
    const a = await save(1, 'مصرف لبنان', 'المصرف المركزي', T0);
    const b = await save(2, 'مصر', 'القاهرة عاصمة مصر', T0 + 1);
    expect((await search(db, 'مصر')).hits.map((h) => h.entry.id)).toEqual([b, a]);
    expect((await search(db, 'مصر ')).hits.map((h) => h.entry.id)).toEqual([b]);
    expect((await search(db, '')).total).toBe(0);
    expect((await search(db, '  ')).total).toBe(0);
  });

  it('parses the query into exact words and prefix forms', () => {
    // A lone و stays in the term (light10 would make وزارة زار); the index holds both readings.
    // A typed word's two-letter stem (الصحة → صح) is matched whole (WHOLE), never as a prefix.
    expect(parseQuery('وزارة الصحة')).toEqual({
      words: ['وزار'],
      prefix: ['صحه', `صح${WHOLE}`],
      exact: ['=وزاره', '=صحه'],
    });
    expect(parseQuery('وزارة الصحف')).toEqual({
      words: ['وزار'],
      prefix: ['صحف'],
      exact: ['=وزاره', '=صحف'],
    });
    expect(parseQuery('وزارة الصحة ')).toEqual({
      words: ['وزار', 'صح'],
      prefix: null,
      exact: ['=وزاره', '=صحه'],
    });
    expect(parseQuery('في ')).toEqual({ words: [], prefix: null, exact: [] });
    expect(parseQuery('م')).toEqual({ words: [], prefix: null, exact: [] });
  });
});

describe('highlights and snippets', () => {
  it('returns plain ranges over the title and a snippet around the matches', async () => {
    const text =
      'مقدمة طويلة عن موضوع آخر لا علاقة له بالبحث. '.repeat(8) +
      '\n\nوأعلنت وزارة الصحة أن المستشفيات استقبلت المصابين.\n\n' +
      'خاتمة طويلة أخرى. '.repeat(10);
    await save(1, 'وزارة الصحة تعلن', text, T0);
    const [hit] = (await search(db, 'الصحة مستشفى ')).hits;
    expect(hit).toBeDefined();
    const { entry, titleRanges, snippet: snip } = hit!;
    expect(titleRanges.map((r) => entry.article.title.slice(r.start, r.end))).toEqual(['الصحة']);
    expect(snip).not.toBeNull();
    const marked = snip!.ranges.map((r) => snip!.text.slice(r.start, r.end));
    expect(marked).toEqual(['الصحة', 'المستشفيات']);
    expect(snip!.text.startsWith('… ')).toBe(true);
    expect(snip!.text.endsWith(' …')).toBe(true);
    expect(snip!.text).not.toMatch(/\n/);
    expect(snip!.text).not.toMatch(/[<>]/);
  });

  it('marks the whole written word, diacritics and tatweel included', () => {
    const q = parseQuery('مدرسة ');
    const text = 'افتتحت المَدْرَسَةُ والمـدرسة';
    expect(highlight(text, q).map((r) => text.slice(r.start, r.end))).toEqual([
      'المَدْرَسَةُ',
      'والمـدرسة',
    ]);
  });

  it('keeps markup in the text as text (the view escapes it)', () => {
    const q = parseQuery('صورة ');
    const s = snippet('<img src=x onerror=alert(1)> صورة', q);
    expect(s?.text).toContain('<img');
    expect(s?.ranges.map((r) => s.text.slice(r.start, r.end))).toEqual(['صورة']);
  });
});

describe('real articles from the shared corpus', () => {
  const gold = (name: string) =>
    JSON.parse(readFileSync(path.join(SHARED, name), 'utf8')) as { title: string; text: string };
  const pages = [
    'corpus/real/bbcarabic-1.gold.json',
    'corpus/real/cnnarabic-1.gold.json',
    'corpus/real/lbcgroup-1.gold.json',
    'fixtures/seed-article.gold.json',
  ];

  it('finds each article by words from its body, written differently', async () => {
    const ids: number[] = [];
    for (const [i, p] of pages.entries()) {
      const g = gold(p);
      ids.push(await save(i, g.title, g.text, T0 + i));
    }
    const [bbc, cnn, lbc, seed] = ids;
    const cases: [string, number | undefined][] = [
      ['السفارة الاسرائيلية ', bbc], // الإسرائيلية without hamza
      ['واشنطن ', bbc],
      ['صواريخ دمشق ', cnn], // الصواريخ, بريف دمشق
      ['الجيش الحر ', cnn],
      ['ترامب شعر ', lbc],
      ['لافروف كوريا ', seed],
      ['وزير خارجية ', seed],
    ];
    for (const [query, expected] of cases) {
      const got = (await search(db, query)).hits.map((h) => h.entry.id);
      expect(got, query).toContain(expected);
    }
    expect((await search(db, 'بوشنيل ')).hits[0]?.entry.id).toBe(bbc);
    expect((await search(db, 'كيم جونغ ')).hits[0]?.entry.id).toBe(seed);
  });
});

describe('words only in a title (stored once, in the title postings)', () => {
  it('are found by every path: a word, a prefix, beside a body word, without clitics, with a typo', async () => {
    const id = await save(
      1,
      'افتتاح مترو الرياض بمحافظة العاصمة',
      'بدأ تشغيل الخطوط أمام الركاب',
      T0,
    );
    await save(2, 'أخبار الطقس', 'أمطار غزيرة على الساحل', T0 + 1);
    for (const q of ['الرياض ', 'الريا', 'مترو الركاب ', 'الركاب مترو', 'محافظة ', 'الرياظ '])
      expect(
        (await search(db, q)).hits.map((h) => h.entry.id),
        q,
      ).toEqual([id]);
    // Forced through the term rows (every probe stopped after one entry, none read whole): the
    // rows checked there hold the title's words too.
    await save(3, 'النقل العام', 'مترو جديد في المدينة', T0 + 2);
    await save(4, 'مشاريع', 'خط مترو ثان', T0 + 3);
    const walked = await search(db, 'مترو الركاب ', { tuning: { probeMax: 1, filterMax: 0 } });
    expect(walked.hits.map((h) => h.entry.id)).toEqual([id]);
  });
});
