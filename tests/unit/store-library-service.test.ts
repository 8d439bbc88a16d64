import type { Article, ExtractResult } from '@/lib/article';
import { libraryHandlers, saveTab } from '@/lib/background/library';
import { parseMessage, type MessageType, type Req, type Res } from '@/lib/messages';
import type { Handler, Handlers, Sender } from '@/lib/messaging';
import type { QariDb } from '@/lib/store/db';
import { exportLibraryJson } from '@/lib/store/backup';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

// A restored backup's bodies go through the sanitizer (lib/import/restored-body.ts).
patchHappyDomForDOMPurify(window);

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const sender = {} as Sender;
async function call<K extends MessageType>(
  handlers: ReturnType<typeof libraryHandlers>,
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  const h = (handlers as Handlers)[type] as Handler<K>;
  return h(payload, sender);
}

const extracted =
  (article: Article): (() => Promise<ExtractResult>) =>
  async () => ({
    ok: true,
    article,
    timings: { extractMs: 1 },
  });

describe('library service', () => {
  it('saves a tab, using its canonical link for dedupe', async () => {
    const deps = {
      db,
      extract: extracted(makeArticle({ url: 'https://example.com/?p=7' })),
      readCanonical: async () => 'https://example.com/2025/story',
    };
    const first = await saveTab(1, deps);
    expect(first).toMatchObject({ ok: true, created: true });
    const again = await saveTab(2, {
      ...deps,
      extract: extracted(makeArticle({ url: 'https://example.com/2025/story?utm_source=x' })),
      readCanonical: async () => null,
    });
    expect(again).toMatchObject({ ok: true, created: false });
    expect(await db.articles.count()).toBe(1);
  });

  it('answers an extraction failure with its message key', async () => {
    const res = await saveTab(1, {
      db,
      extract: async () => ({ ok: false, reason: 'no-content' }),
      readCanonical: async () => null,
    });
    expect(res).toEqual({ ok: false, code: 'extract-failed', messageKey: 'libraryErrorExtract' });
  });

  it('handles status, delete, undo and import', async () => {
    const h = libraryHandlers({ db });
    const saved = await call(h, 'library:saveArticle', { article: makeArticle() });
    if (!saved.ok) throw new Error('save failed');
    const id = saved.entry.id;
    expect(await call(h, 'library:setStatus', { id, patch: { read: true } })).toMatchObject({
      ok: true,
      entry: { read: true },
    });
    expect(await call(h, 'library:setProgress', { id, progress: 0.5 })).toMatchObject({
      ok: true,
      entry: { progress: 0.5 },
    });
    // Pages export straight from the database (same origin); the background imports.
    const exported = { json: await exportLibraryJson(db) };
    const del = await call(h, 'library:delete', { ids: [id] });
    if (!del.ok) throw new Error('delete failed');
    expect(await db.articles.count()).toBe(0);
    expect(await call(h, 'library:undoDelete', { undoToken: del.undoToken })).toMatchObject({
      ok: true,
      entries: [{ id, read: true }],
    });
    expect(await call(h, 'library:import', { json: exported.json })).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await call(h, 'library:import', { json: '{"format":"x"}' })).toEqual({
      ok: false,
      code: 'import-format',
      messageKey: 'importErrorFormat',
    });
    expect(await call(h, 'library:setStatus', { id: 999, patch: { read: true } })).toEqual({
      ok: false,
      code: 'not-found',
      messageKey: 'libraryErrorNotFound',
    });
  });
});

describe('library message guards', () => {
  const ok = (type: string, payload: unknown) => parseMessage({ type, payload }) !== null;

  it('accepts well-formed payloads', () => {
    expect(ok('library:saveTab', { tabId: 3 })).toBe(true);
    expect(ok('library:saveArticle', { article: makeArticle() })).toBe(true);
    expect(
      ok('library:saveArticle', { article: makeArticle(), canonical: 'https://e.com/a' }),
    ).toBe(true);
    expect(ok('library:setStatus', { id: 1, patch: { archived: false } })).toBe(true);
    expect(ok('library:setProgress', { id: 1, progress: 1 })).toBe(true);
    expect(ok('library:delete', { ids: [1, 2] })).toBe(true);
    expect(ok('library:undoDelete', { undoToken: 'abc' })).toBe(true);
    expect(ok('library:import', { json: '{}' })).toBe(true);
  });

  it('rejects malformed or oversized payloads', () => {
    expect(ok('library:saveArticle', { article: { ...makeArticle(), dir: 'up' } })).toBe(false);
    expect(ok('library:saveArticle', { article: { ...makeArticle(), url: 'javascript:x' } })).toBe(
      false,
    );
    expect(
      ok('library:saveArticle', { article: makeArticle({ content: 'x'.repeat(5_000_001) }) }),
    ).toBe(false);
    expect(ok('library:saveArticle', { article: makeArticle(), canonical: 5 })).toBe(false);
    expect(ok('library:setStatus', { id: 1, patch: {} })).toBe(false);
    expect(ok('library:setStatus', { id: 1, patch: { read: 'yes' } })).toBe(false);
    expect(ok('library:setStatus', { id: 1, patch: { progress: 1 } })).toBe(false);
    expect(ok('library:setStatus', { id: -1, patch: { read: true } })).toBe(false);
    expect(ok('library:setProgress', { id: 1, progress: 1.5 })).toBe(false);
    expect(ok('library:setProgress', { id: 1, progress: Number.NaN })).toBe(false);
    expect(ok('library:delete', { ids: [] })).toBe(false);
    expect(ok('library:delete', { ids: [1.5] })).toBe(false);
    expect(ok('library:delete', { ids: Array.from({ length: 1001 }, (_, i) => i + 1) })).toBe(
      false,
    );
    expect(ok('library:undoDelete', { undoToken: 'x'.repeat(65) })).toBe(false);
    expect(ok('library:import', { json: 5 })).toBe(false);
  });
});
