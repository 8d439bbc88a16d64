import { afterEach, describe, expect, it } from 'vitest';
import type { FetchExtractResult } from '@/lib/fetch/fetch-extract';
import { fetchBody } from '@/lib/background/fetch-body';
import { fetchFailureKey } from '@/lib/library/fetch-body-message';
import { syncStatusView } from '@/lib/popup/sync-status';
import { getArticle, getEntry } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { applyRemote } from '@/lib/store/sync-adapter';
import { search } from '@/lib/search';
import { dropDb, freshDb, makeArticle, outbox } from './store-fixtures';

const URL_A = 'https://news.example/2025/article-1';
const dbs: QariDb[] = [];
afterEach(async () => Promise.all(dbs.splice(0).map(dropDb)));

/** A database holding one entry known from another browser (no body). */
async function withSyncedEntry(): Promise<{ db: QariDb; id: number }> {
  const db = freshDb();
  dbs.push(db);
  await applyRemote(db, [
    {
      canonicalUrl: URL_A,
      fields: { url: URL_A, title: 'عنوان من المتصفح الآخر', read: true, savedAt: 5 },
    },
  ]);
  const entry = (await db.articles.toArray())[0]!;
  return { db, id: entry.id };
}

describe('library:fetchBody', () => {
  it('fetches, extracts and stores the body, keeping the synced fields', async () => {
    const { db, id } = await withSyncedEntry();
    const asked: string[] = [];
    const fetchExtract = async (url: string): Promise<FetchExtractResult> => {
      asked.push(url);
      const article = makeArticle({
        url: `${url}?from=redirect`,
        title: 'عنوان الصفحة نفسها',
        text: 'فقرة عن المدارس الحكومية.\n\nفقرة ثانية.',
        byline: 'كاتب',
      });
      return { ok: true, article, timings: { extractMs: 1 } };
    };
    const res = await fetchBody(id, { db, fetchExtract });
    expect(asked).toEqual([URL_A]);
    expect(res).toMatchObject({ ok: true, entry: { id, hasBody: true, read: true } });
    const article = await getArticle(db, id);
    expect(article).toMatchObject({ url: URL_A, title: 'عنوان من المتصفح الآخر', byline: 'كاتب' });
    expect(article?.text).toContain('المدارس');
    expect((await search(db, 'مدارس ')).hits.map((h) => h.entry.id)).toEqual([id]);
    // Filling a body is not a change to sync.
    expect(await outbox(db)).toEqual([]);
  });

  it('reports the fetch reason and leaves the entry as it was', async () => {
    const { db, id } = await withSyncedEntry();
    const before = await getEntry(db, id);
    const res = await fetchBody(id, {
      db,
      fetchExtract: async () => ({ ok: false, reason: 'http-404' }),
    });
    expect(res).toMatchObject({ ok: false, code: 'http-404' });
    expect(await getEntry(db, id)).toEqual(before);
    expect(await getArticle(db, id)).toBeNull();
  });

  it('does not fetch for an unknown entry, nor twice at once', async () => {
    const { db, id } = await withSyncedEntry();
    let calls = 0;
    const fetchExtract = async (): Promise<FetchExtractResult> => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return { ok: false, reason: 'timeout' };
    };
    expect(await fetchBody(id + 100, { db, fetchExtract })).toMatchObject({ code: 'not-found' });
    await Promise.all([fetchBody(id, { db, fetchExtract }), fetchBody(id, { db, fetchExtract })]);
    expect(calls).toBe(1);
  });

  it('explains each failure in words', () => {
    expect(fetchFailureKey('http-404')).toBe('syncFetchGone');
    expect(fetchFailureKey('timeout')).toBe('syncFetchNetwork');
    expect(fetchFailureKey('http-503')).toBe('syncFetchNetwork');
    expect(fetchFailureKey('no-content')).toBe('syncFetchNotArticle');
    expect(fetchFailureKey('http-403')).toBe('syncFetchBodyFailed');
  });
});

describe('sync state in words', () => {
  const base = {
    enabled: true,
    lastSyncedAt: null,
    pending: 0,
    localOnly: 0,
    lastError: null,
    clockAheadMs: null,
  };
  const NOW = Date.UTC(2025, 5, 1, 12);

  it('says when it last synced, what waits and what stays local', () => {
    const v = syncStatusView(
      { ...base, lastSyncedAt: NOW - 5 * 60_000, pending: 2, localOnly: 7 },
      NOW,
      'ar',
    );
    expect(v.lines[0]).toMatch(/^آخر مزامنة: /);
    expect(v.lines[0]).toContain('٥');
    expect(v.lines[1]).toContain('٢');
    expect(v.lines[2]).toContain('٧');
    expect(v.error).toBeNull();
  });

  it('shows the last error in words, and nothing but "off" when sync is off', () => {
    const quota = { code: 'quota' as const, messageKey: 'syncErrorQuota' };
    expect(syncStatusView({ ...base, lastError: quota }, NOW, 'ar').error).toBeTruthy();
    const off = syncStatusView({ ...base, enabled: false, lastError: quota }, NOW, 'ar');
    expect(off.error).toBeNull();
    expect(off.lines).toEqual(['المزامنة متوقفة. شغّلها من الإعدادات.']);
    expect(syncStatusView(base, NOW, 'ar').lines).toEqual(['لم تتم المزامنة بعد.']);
  });

  it('warns when synced stamps run ahead of this clock, with how far, in the UI language', () => {
    expect(syncStatusView(base, NOW, 'ar').clock).toBeNull();
    const ahead = { ...base, clockAheadMs: 90 * 86_400_000 };
    const ar = syncStatusView(ahead, NOW, 'ar').clock!;
    expect(ar).toMatch(/الساعة|التاريخ/);
    expect(ar).toContain('٩٠');
    expect(syncStatusView({ ...base, clockAheadMs: 2 * 3_600_000 }, NOW, 'en').clock).toContain(
      '2',
    );
    const off = syncStatusView({ ...ahead, enabled: false }, NOW, 'ar');
    expect(off.clock).toBeNull();
  });
});

describe('where a synced entry is fetched from', () => {
  it('tries http and www. when the canonical address cannot be reached', async () => {
    const { pageUrlCandidates } = await import('@/lib/library/page-urls');
    expect(pageUrlCandidates('https://alarabiya.net/a?b=1')).toEqual([
      'https://alarabiya.net/a?b=1',
      'http://alarabiya.net/a?b=1',
      'https://www.alarabiya.net/a?b=1',
      'http://www.alarabiya.net/a?b=1',
    ]);
    expect(pageUrlCandidates('http://www.x.example/a')).toEqual(['http://www.x.example/a']);
  });

  it('asks for access to those sites only, whatever the port or path', async () => {
    const { siteAccessOrigins } = await import('@/lib/library/page-urls');
    expect(siteAccessOrigins('https://alarabiya.net:8443/a?b=1')).toEqual([
      'https://alarabiya.net/*',
      'http://alarabiya.net/*',
      'https://www.alarabiya.net/*',
      'http://www.alarabiya.net/*',
    ]);
    expect(siteAccessOrigins('http://127.0.0.1:4000/x')).toEqual(['http://127.0.0.1/*']);
    expect(siteAccessOrigins('javascript:alert(1)')).toEqual([]);
    expect(siteAccessOrigins('not a url')).toEqual([]);
  });

  it('stops at the first answer from the site', async () => {
    const { db, id } = await withSyncedEntry();
    const asked: string[] = [];
    const res = await fetchBody(id, {
      db,
      fetchExtract: async (url) => {
        asked.push(url);
        return { ok: false, reason: asked.length === 1 ? 'network' : 'http-404' };
      },
    });
    expect(res).toMatchObject({ ok: false, code: 'http-404' });
    expect(asked).toEqual([URL_A, URL_A.replace('https:', 'http:')]);
  });
});
