import { loadSavedArticle } from '@/lib/library/load-saved-article';
import { parseSavedId, progressReporter, READ_AT } from '@/lib/library/saved-progress';
import { savedArticleUrl, targetTabFrom } from '@/lib/popup/target';
import { deleteEntries, saveArticle, setProgress } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

function sink() {
  const calls: string[] = [];
  return {
    calls,
    setProgress: (f: number) => calls.push(`progress ${f}`),
    markRead: () => calls.push('read'),
  };
}

describe('progressReporter', () => {
  it('stores changed positions and skips ones too close to the stored one', () => {
    const s = sink();
    const report = progressReporter({ progress: 0.4, read: false }, s);
    report(0.401);
    report(0.5);
    report(0.502);
    report(0.3);
    expect(s.calls).toEqual(['progress 0.5', 'progress 0.3']);
  });

  it('marks the article read once, on reaching the end', () => {
    const s = sink();
    const report = progressReporter({ progress: 0, read: false }, s);
    report(READ_AT - 0.01);
    expect(s.calls).not.toContain('read');
    report(READ_AT);
    report(1);
    report(0.2);
    report(1);
    expect(s.calls.filter((c) => c === 'read')).toHaveLength(1);
    expect(s.calls).toContain('progress 1');
  });

  it('does not mark an already read article again, and ignores nonsense', () => {
    const s = sink();
    const report = progressReporter({ progress: 1, read: true }, s);
    report(1);
    report(Number.NaN);
    report(7);
    expect(s.calls).toEqual([]);
  });
});

describe('addresses', () => {
  it('reads a saved id strictly', () => {
    expect(parseSavedId('12')).toBe(12);
    for (const bad of [null, '', '0', '-1', '1.5', '12abc', '1e3', '99999999999999999999'])
      expect(parseSavedId(bad)).toBeNull();
  });

  it('reads the pinned tab of a test popup only when it is a number', () => {
    expect(targetTabFrom('?tab=42')).toBe(42);
    expect(targetTabFrom('')).toBeNull();
    expect(targetTabFrom('?tab=abc')).toBeNull();
    expect(savedArticleUrl(5)).toBe('/saved.html?id=5');
  });
});

describe('loadSavedArticle', () => {
  let db: QariDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('loads the whole article and its reading position from the database', async () => {
    const article = makeArticle({
      title: 'مكتبات الأحياء',
      sections: [{ id: 'qari-s-1', level: 1, title: 'قسم' }],
    });
    const { entry } = await saveArticle(db, article);
    await setProgress(db, entry.id, 0.6);
    const saved = await loadSavedArticle(db, entry.id);
    expect(saved?.article.title).toBe('مكتبات الأحياء');
    expect(saved?.article.content).toBe(article.content);
    expect(saved?.article.sections).toEqual(article.sections);
    expect(saved?.entry.progress).toBe(0.6);
  });

  it('gives null for an unknown or deleted entry', async () => {
    const { entry } = await saveArticle(db, makeArticle());
    expect(await loadSavedArticle(db, entry.id + 1)).toBeNull();
    await deleteEntries(db, [entry.id]);
    expect(await loadSavedArticle(db, entry.id)).toBeNull();
  });
});
