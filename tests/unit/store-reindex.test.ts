/**
 * Search rows made by an older analyzer are rebuilt once per analyzer, so a library saved before
 * the analyzer changed finds what a new save finds; a highlight's note is found by search.
 */
import { describeText } from '@/lib/highlights/anchor';
import { search } from '@/lib/search';
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { addHighlight } from '@/lib/store/highlights';
import { reindexOldTerms } from '@/lib/store/reindex';
import { INDEX_BUILT } from '@/lib/store/write';
import { EXACT_MARK } from '@/lib/text/analyze';
import { INDEX_VERSION } from '@/lib/text/terms';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const TEXT = 'أعلنت وزارة الصحة عن خطة جديدة لتعزيز التعاون بين المستشفيات في المحافظات.';

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const ids = async (q: string) => (await search(db, q)).hits.map((h) => h.entry.id);

describe('search rows of an older analyzer', () => {
  it('are rebuilt, a batch at a time, and the list is marked built once', async () => {
    const saved: number[] = [];
    for (const n of [1, 2, 3]) {
      const { entry } = await saveArticle(
        db,
        makeArticle({ url: `https://example.com/${n}`, title: `خبر ${n}`, text: TEXT }),
      );
      saved.push(entry.id);
    }
    // As an older analyzer left them: other terms, an older version, no mark.
    await db.terms.toCollection().modify((t) => {
      t.all = ['زار'];
      t.version = 1;
    });
    await db.listState.delete(INDEX_BUILT);
    expect(await ids('تعزيز التعاون')).toEqual([]);

    const batches = await reindexOldTerms(db, { batch: 2 });
    expect(batches).toBe(2);
    expect((await db.terms.toArray()).every((t) => t.version === INDEX_VERSION)).toBe(true);
    expect((await ids('تعزيز التعاون')).sort()).toEqual(saved.sort());
    expect((await db.listState.get(INDEX_BUILT))?.value).toBe(INDEX_VERSION);
    // Marked built: the next start does nothing.
    expect(await reindexOldTerms(db)).toBe(0);
  });

  it('are read once a batch: the rows themselves, not their keys and then the rows', async () => {
    for (const n of [1, 2, 3])
      await saveArticle(db, makeArticle({ url: `https://example.com/${n}`, text: TEXT }));
    await db.terms.toCollection().modify((t) => {
      t.version = 1;
    });
    await db.listState.delete(INDEX_BUILT);
    const second = vi.spyOn(db.terms, 'bulkGet');
    expect(await reindexOldTerms(db, { batch: 2 })).toBe(2);
    expect(second).not.toHaveBeenCalled();
    expect((await db.terms.toArray()).every((t) => t.version === INDEX_VERSION)).toBe(true);
  });
});

describe('search rows of analyzer 2 (the title’s terms also in `all`)', () => {
  it('become this analyzer’s rows by taking the title’s terms out, no text read', async () => {
    for (const n of [1, 2, 3])
      await saveArticle(
        db,
        makeArticle({ url: `https://example.com/${n}`, title: `وزارة الصحة ${n}`, text: TEXT }),
      );
    const built = await db.terms.toArray();
    await db.terms.toCollection().modify((t) => {
      t.all = [...t.title.filter((x) => !x.startsWith(EXACT_MARK)), ...t.all];
      t.version = 2;
    });
    await db.listState.delete(INDEX_BUILT);
    const texts = vi.spyOn(db.texts, 'bulkGet');
    expect(await reindexOldTerms(db, { batch: 2 })).toBe(2);
    expect(texts).not.toHaveBeenCalled();
    expect(await db.terms.toArray()).toEqual(built);
  });
});

describe('a highlight’s note', () => {
  it('is found by search', async () => {
    const { entry } = await saveArticle(db, makeArticle({ text: TEXT }));
    expect(await ids('زيتون')).toEqual([]);
    const s = TEXT.indexOf('وزارة الصحة');
    await addHighlight(db, entry.id, {
      selectors: describeText(TEXT, s, s + 'وزارة الصحة'.length),
      color: 'yellow',
      note: 'تذكير: موسم الزيتون',
    });
    expect(await ids('زيتون')).toEqual([entry.id]);
  });
});
