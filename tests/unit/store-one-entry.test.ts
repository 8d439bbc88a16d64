/**
 * One article, one entry: whichever way it reaches the list (the reader's button, the popup, an
 * import, a backup, another browser), it is found under any of its addresses and the reader's
 * own state is never taken back by an older copy. README, "When two versions of an entry meet".
 */
import type { ExtractResult } from '@/lib/article';
import { libraryHandlers, saveTab } from '@/lib/background/library';
import { extract } from '@/lib/extract';
import type { FetchExtractResult } from '@/lib/fetch/fetch-extract';
import { parseImportFile } from '@/lib/import/parse';
import { ImportQueue } from '@/lib/import/queue';
import { parseMessage } from '@/lib/messages';
import { libraryClient } from '@/lib/popup/library-client';
import { listEntries, saveArticle, setStatus } from '@/lib/store/articles';
import { BACKUP_FORMAT, BACKUP_VERSION, importLibrary } from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { setImportFailure } from '@/lib/import/entries';
import { fillBody } from '@/lib/store/fill-body';
import { readRevision } from '@/lib/store/revision';
import { applyRemote } from '@/lib/store/sync-adapter';
import { loadHtml } from './extract-pages';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const PAGE = 'https://news.example/?p=7';
const CANONICAL = 'https://news.example/2026/06/schools-open';

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** A fetcher that never answers: the import's entries are what the test looks at. */
const idle = () => new Promise<FetchExtractResult>(() => undefined);

/** The reader's extraction of a page at PAGE whose canonical link is CANONICAL. */
function extractedPage(): ExtractResult {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>أعلنت وزارة التربية والتعليم أن المدارس الحكومية ستفتح أبوابها للطلاب في الأسبوع المقبل، الفقرة ${i + 1}.</p>`,
  ).join('');
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>المدارس تفتح أبوابها</title>
    <link rel="canonical" href="/2026/06/schools-open"></head>
    <body><article><h1>المدارس تفتح أبوابها</h1>${paragraphs}</article></body></html>`;
  const page = loadHtml(html, PAGE);
  try {
    return extract(page.document);
  } finally {
    void page.close();
  }
}

describe('one entry per article', () => {
  it('an article saved with the reader button, then from the popup, is listed once', async () => {
    const result = extractedPage();
    if (!result.ok) throw new Error(`extraction failed: ${result.reason}`);
    // The reader page sends the article it shows, as the message carries it.
    const msg = parseMessage({ type: 'library:saveArticle', payload: { article: result.article } });
    expect(msg).not.toBeNull();
    const h = libraryHandlers({ db });
    const first = await h['library:saveArticle'](
      msg!.payload as { article: typeof result.article },
    );
    expect(first).toMatchObject({ ok: true, created: true });
    // The popup (and the shortcut, the menu) saves the tab: extraction plus the canonical link.
    const again = await saveTab(1, {
      db,
      extract: async () => result,
      readCanonical: async () => CANONICAL,
    });
    expect(again).toMatchObject({ ok: true, created: false });
    expect(await db.articles.count()).toBe(1);
  });

  it('an article saved from its page, then imported from Instapaper by its link, is listed once', async () => {
    // Saved from the popup: keyed by the page's canonical link.
    await saveArticle(db, makeArticle({ url: PAGE }), { canonical: CANONICAL, now: NOW });
    const csv = `URL,Title,Selection,Folder,Timestamp\n${PAGE},المدارس,,Unread,${(NOW - DAY) / 1000}\n`;
    const parsed = parseImportFile('instapaper-export.csv', csv, NOW);
    const q = new ImportQueue(db, idle);
    const report = await q.enqueue(parsed.items);
    expect(report).toMatchObject({ added: 0, merged: 1 });
    expect((await listEntries(db)).total).toBe(1);
  });

  it('an imported short link whose page turns out to be a listed article merges into it', async () => {
    const saved = await saveArticle(db, makeArticle({ url: CANONICAL }), { now: NOW });
    const q = new ImportQueue(db, async () => ({
      ok: true,
      // The short link redirected to the page, whose canonical link is the listed article.
      article: makeArticle({ url: `${CANONICAL}?ref=short`, canonical: CANONICAL }),
      timings: { extractMs: 1 },
      finalUrl: `${CANONICAL}?ref=short`,
    }));
    const report = await q.enqueue([
      {
        url: 'https://sho.rt/abc',
        title: 'رابط مختصر',
        savedAt: NOW - DAY,
        read: false,
        archived: false,
        favourite: false,
        tags: ['مدارس'],
      },
    ]);
    expect(report).toMatchObject({ added: 1 });
    await vi.waitFor(async () => expect((await listEntries(db)).total).toBe(1), { timeout: 5000 });
    const [entry] = (await listEntries(db)).entries;
    expect(entry).toMatchObject({ id: saved.entry.id, tags: ['مدارس'] });
    q.pause();
  });
});

describe("the reader's own state", () => {
  it('a Pocket row marked archive neither archives a saved article nor moves its saved date back', async () => {
    const { entry } = await saveArticle(db, makeArticle({ url: PAGE }), { now: NOW });
    await setStatus(db, entry.id, { read: true }, NOW + 1000);
    const yearAgo = (NOW - 365 * DAY) / 1000;
    const csv = `title,url,time_added,cursor,tags,status\nالمدارس,${PAGE},${yearAgo},,تعليم,archive\n`;
    const parsed = parseImportFile('pocket.csv', csv, NOW);
    await new ImportQueue(db, idle).enqueue(parsed.items);
    const [after] = (await listEntries(db)).entries;
    expect(after).toMatchObject({ read: true, archived: false, savedAt: NOW, tags: ['تعليم'] });
  });

  it('an older backup takes back neither the status nor the saved date', async () => {
    const article = makeArticle({ url: PAGE });
    const { entry } = await saveArticle(db, article, { now: NOW });
    await setStatus(db, entry.id, { read: true }, NOW + 1000);
    const old = new Date(NOW - 365 * DAY).toISOString();
    const backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: old,
      entries: [backupEntryOf(article, old, { favourite: true, progress: 0.5 })],
    };
    await importLibrary(db, backup, { now: NOW + 2000 });
    const [after] = (await listEntries(db)).entries;
    expect(after).toMatchObject({ read: true, favourite: false, progress: 0, savedAt: NOW });
  });
});

describe('the open popup', () => {
  /** Resolves once the popup's client reports a change to the list shown at revision `since`. */
  function nextChange(since: number): { seen: Promise<void>; stop: () => void } {
    let stop = () => undefined as void;
    const seen = new Promise<void>((resolve) => {
      stop = libraryClient(db).watch(() => resolve(), since);
    });
    return { seen, stop };
  }

  async function expectSeen(change: () => Promise<unknown>): Promise<void> {
    // As the popup does: the rows are read, then it watches from what they were read at.
    const w = nextChange(await readRevision(db));
    await change();
    let seen = false;
    void w.seen.then(() => (seen = true));
    await vi.waitFor(() => expect(seen).toBe(true), { timeout: 3000 });
    w.stop();
  }

  it('shows a change from another browser, a fetched body and an import failure without reopening', async () => {
    const url = 'https://news.example/2026/06/synced';
    await expectSeen(() => applyRemote(db, [{ canonicalUrl: url, fields: { title: 'خبر' } }]));
    const id = (await listEntries(db)).entries[0]!.id;
    await expectSeen(() => setImportFailure(db, id, 'http-404'));
    await expectSeen(() => fillBody(db, id, makeArticle({ url })));
  });

  it('is not told of a change when another browser sends what the list already holds', async () => {
    const url = 'https://news.example/2026/06/synced';
    await applyRemote(db, [{ canonicalUrl: url, fields: { title: 'خبر', read: true } }]);
    const before = await readRevision(db);
    const report = await applyRemote(db, [{ canonicalUrl: url, fields: { read: true } }]);
    expect(report).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(await readRevision(db)).toBe(before);
  });
});
