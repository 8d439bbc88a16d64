/**
 * Search over highlights: a note's words find its article, and the hit's snippet then comes from
 * the note and says so (the body does not hold those words); a body match keeps its body snippet.
 * The background's highlight messages write through the store, refuse a note over its limit.
 */
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { addHighlight } from '@/lib/store/highlights';
import { describeText } from '@/lib/highlights/anchor';
import { highlightHandlers } from '@/lib/background/highlights';
import { search } from '@/lib/search';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const TEXT =
  'قال المتحدث إن المحادثات ستستمر غدًا في القاهرة.\n\nوأضاف أن الوفدين اتفقا على جدول الأعمال.';
const NOTE = 'تذكير: قارن هذا بتصريحات البرلمان';
const dbs: QariDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map(dropDb));
});

async function savedWithNote(): Promise<{ db: QariDb; id: number }> {
  const db = freshDb();
  dbs.push(db);
  const { entry } = await saveArticle(db, makeArticle({ text: TEXT }));
  const s = TEXT.indexOf('المحادثات');
  await addHighlight(db, entry.id, {
    selectors: describeText(TEXT, s, s + 9),
    color: 'yellow',
    note: NOTE,
  });
  return { db, id: entry.id };
}

describe('search over notes', () => {
  it('finds an article by a word of its note, with the note as the snippet, marked as a note', async () => {
    const { db, id } = await savedWithNote();
    const res = await search(db, 'البرلمان');
    expect(res.hits.map((h) => h.entry.id)).toEqual([id]);
    const hit = res.hits[0]!;
    expect(hit.inNote).toBe(true);
    expect(hit.snippet!.text).toContain('البرلمان');
    expect(hit.snippet!.ranges.length).toBeGreaterThan(0);
  });

  it('keeps the body snippet, not marked as a note, when the body matches', async () => {
    const { db } = await savedWithNote();
    const hit = (await search(db, 'القاهرة')).hits[0]!;
    expect(hit.inNote).toBeFalsy();
    expect(hit.snippet!.text).toContain('القاهرة');
  });
});

describe('highlight messages in the background', () => {
  it('add, note and remove a highlight on an entry; a missing entry is a failure, not a throw', async () => {
    const db = freshDb();
    dbs.push(db);
    const { entry } = await saveArticle(db, makeArticle({ text: TEXT }));
    const handlers = highlightHandlers(db);
    const s = TEXT.indexOf('القاهرة');
    const selectors = describeText(TEXT, s, s + 7);
    const added = await handlers['highlight:add']({
      id: entry.id,
      selectors,
      color: 'blue',
      note: '<b>x</b>',
    });
    expect(added.ok).toBe(true);
    const hid = added.ok ? added.highlight.id : '';
    const found = await handlers['highlight:forArticle']({ url: entry.article.url });
    expect(found?.highlights.map((h) => h.note)).toEqual(['<b>x</b>']);
    const noted = await handlers['highlight:update']({
      id: entry.id,
      highlightId: hid,
      patch: { note: 'ملاحظة' },
    });
    expect(noted.ok && noted.highlight.note).toBe('ملاحظة');
    expect((await handlers['highlight:remove']({ id: entry.id, highlightId: hid })).ok).toBe(true);
    expect(
      (await handlers['highlight:forArticle']({ url: entry.article.url }))!.highlights,
    ).toEqual([]);
    const missing = await handlers['highlight:add']({
      id: 999,
      selectors,
      color: 'blue',
      note: '',
    });
    expect(missing.ok).toBe(false);
    expect(await handlers['highlight:forArticle']({ url: 'https://other.example/x' })).toBeNull();
  });
});
