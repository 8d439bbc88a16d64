import fc from 'fast-check';
import { countEntries, getArticle, saveArticle, setStatus, setTags } from '@/lib/store/articles';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  exportLibrary,
  exportLibraryJson,
  importLibrary,
  type Backup,
  type BackupEntry,
  type RestoredBody,
} from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { StoreError } from '@/lib/store/errors';
import { search } from '@/lib/search';
import { canonicalUrl } from '@/lib/url/canonical';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';

const T0 = Date.UTC(2025, 2, 1);
const dbs: QariDb[] = [];
function tracked(): QariDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map(dropDb));
});

async function seeded(): Promise<QariDb> {
  const db = tracked();
  const a = await saveArticle(db, makeArticle({ url: 'https://example.com/a', title: 'أ' }), {
    now: T0,
  });
  const b = await saveArticle(
    db,
    makeArticle({
      url: 'https://example.com/b',
      title: 'ب',
      sections: [{ id: 'h1', level: 2, title: 'قسم' }],
    }),
    { now: T0 + 1000 },
  );
  await setStatus(db, a.entry.id, { read: true, favourite: true }, T0 + 2000);
  await setTags(db, b.entry.id, ['سياسة'], T0 + 3000);
  return db;
}

describe('export', () => {
  it('writes the versioned format with every entry, oldest first', async () => {
    const db = await seeded();
    const backup = await exportLibrary(db, T0 + 5000);
    expect(backup.format).toBe('qari-backup');
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe(new Date(T0 + 5000).toISOString());
    expect(backup.entries.map((e) => e.article.title)).toEqual(['أ', 'ب']);
    expect(backup.entries[0]).toMatchObject({ read: true, favourite: true, archived: false });
    expect(backup.entries[1]?.body?.sections).toEqual([{ id: 'h1', level: 2, title: 'قسم' }]);
    expect(backup.entries[1]?.tags).toEqual(['سياسة']);
  });
});

describe('import', () => {
  it('round-trips losslessly into an empty list', async () => {
    const json = await exportLibraryJson(await seeded(), T0);
    const target = tracked();
    expect(await importLibrary(target, json)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect((await exportLibrary(target, T0)).entries).toEqual(JSON.parse(json).entries);
  });

  it('merges by canonical URL instead of duplicating', async () => {
    const source = await seeded();
    const json = await exportLibraryJson(source, T0);
    const target = tracked();
    // The target already holds one of the articles, saved from a share link, with a newer status.
    const mine = await saveArticle(
      target,
      makeArticle({ url: 'https://www.example.com/a?utm_source=x' }),
      { now: T0 - 5000 },
    );
    await setStatus(target, mine.entry.id, { archived: true }, T0 + 9000);
    const report = await importLibrary(target, json);
    // The backup's copy is older than the target's: the entry stays as it is.
    expect(report).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(await countEntries(target)).toBe(2);
    const [a] = (await exportLibrary(target)).entries;
    expect(a?.savedAt).toBe(new Date(T0 - 5000).toISOString());
    // The target's change is newer than the backup's, so its status wins.
    expect(a).toMatchObject({ archived: true, read: false });
    expect(await importLibrary(target, json)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('merges an article listed twice in one file into one entry, the later status winning', async () => {
    const backup = await exportLibrary(await seeded(), T0);
    const first = backup.entries[0]!;
    const again: BackupEntry = {
      ...first,
      archived: true,
      updatedAt: new Date(T0 + 9000).toISOString(),
      fieldTimes: { ...first.fieldTimes, archived: T0 + 9000 },
    };
    backup.entries.push(again);
    const target = tracked();
    expect(await importLibrary(target, backup)).toEqual({ added: 2, updated: 1, unchanged: 0 });
    expect(await countEntries(target)).toBe(2);
    const stored = await target.articles.where('canonicalUrl').equals(first.canonicalUrl).first();
    expect(stored?.archived).toBe(1);
    // One pending outbox change per entry, however many times the file lists it.
    expect(await target.changes.count()).toBe(2);
  });

  it('imports a file larger than one write batch whole, every entry searchable', async () => {
    const COUNT = 1234;
    const day = Date.UTC(2024, 0, 1);
    const entries: BackupEntry[] = Array.from({ length: COUNT }, (_, i) => {
      const text = `تقرير رقم ${i} عن الزراعة`;
      const article = makeArticle({
        url: `https://archive.example/${i}`,
        title: `مقال ${i} عن المدارس`,
        siteName: 'أرشيف',
        text,
      });
      const at = new Date(day + i * 60_000).toISOString();
      return backupEntryOf(article, at, i % 2 ? {} : { body: null });
    });
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(day).toISOString(),
      entries,
    };
    const target = tracked();
    expect(await importLibrary(target, backup)).toEqual({ added: COUNT, updated: 0, unchanged: 0 });
    expect(await countEntries(target)).toBe(COUNT);
    expect(await target.texts.count()).toBe(COUNT / 2);
    expect(await target.changes.count()).toBe(COUNT);
    // Each entry's title terms reached the index (and the title postings) in its batch.
    const titled = await search(target, 'مدارس ');
    expect(titled.total).toBe(COUNT);
    const bodied = await search(target, 'الزراعه ');
    expect(bodied.total).toBe(COUNT / 2);
    expect((await exportLibrary(target, day)).entries).toEqual(entries);
  });

  it('sanitizes imported HTML when given a sanitizer', async () => {
    const db = tracked();
    const backup = await exportLibrary(await seeded());
    backup.entries[0]!.body!.content = '<p>نص</p><img src=x onerror=alert(1)>';
    const sanitize = (bodies: readonly RestoredBody[]) =>
      bodies.map((b) => b.html.replace(/<img[^>]*>/g, ''));
    await importLibrary(db, backup, { sanitize });
    const saved = await db.articles.where('canonicalUrl').equals('https://example.com/a').first();
    expect((await getArticle(db, saved!.id))?.content).toBe('<p>نص</p>');
  });

  it('hands the sanitizer the bodies in batches, each with its article’s address', async () => {
    const db = tracked();
    const backup = await exportLibrary(await seeded());
    const entry = backup.entries.find((e) => e.body)!;
    // 1,201 bodies: three calls of at most 500, not one call per body.
    backup.entries = Array.from({ length: 1201 }, (_, i) => {
      const url = `https://news${i}.example/story`;
      return {
        ...entry,
        canonicalUrl: url,
        article: { ...entry.article, url },
        body: { ...entry.body!, content: `<p>${i}</p>` },
      };
    });
    const calls: RestoredBody[][] = [];
    const sanitize = (bodies: readonly RestoredBody[]) => {
      calls.push([...bodies]);
      return bodies.map((b) => `${b.html}<p>${b.url}</p>`);
    };
    expect((await importLibrary(db, backup, { sanitize })).added).toBe(1201);
    expect(calls.map((c) => c.length)).toEqual([500, 500, 201]);
    expect(calls[2]![200]).toEqual({ html: '<p>1200</p>', url: 'https://news1200.example/story' });
    const last = await db.articles
      .where('canonicalUrl')
      .equals('https://news1200.example/story')
      .first();
    expect((await getArticle(db, last!.id))?.content).toBe(
      '<p>1200</p><p>https://news1200.example/story</p>',
    );
  });
});

describe('corrupt backups', () => {
  async function goodBackup(): Promise<Backup> {
    return exportLibrary(await seeded(), T0);
  }

  const entryBreakers: [string, (e: BackupEntry) => void][] = [
    ['missing title', (e) => Reflect.deleteProperty(e.article, 'title')],
    ['unknown field', (e) => Object.assign(e, { extra: 1 })],
    ['bad date', (e) => Object.assign(e, { savedAt: 'yesterday' })],
    ['progress out of range', (e) => Object.assign(e, { progress: 2 })],
    ['flag not boolean', (e) => Object.assign(e, { read: 'yes' })],
    ['not a web URL', (e) => Object.assign(e, { canonicalUrl: 'javascript:alert(1)' })],
    ['section level', (e) => e.body!.sections.push({ id: 'x', level: 9, title: 'x' })],
    ['oversized text', (e) => Object.assign(e.body!, { text: 'ا'.repeat(2_000_001) })],
    ['bad tag list', (e) => Object.assign(e, { tags: [''] })],
    ['bad field times', (e) => Object.assign(e, { fieldTimes: { read: 'now' } })],
  ];

  it.each(entryBreakers)('rejects a bad entry (%s) and imports nothing', async (_name, breakIt) => {
    const backup = await goodBackup();
    breakIt(backup.entries[1]!);
    const db = tracked();
    const err = await importLibrary(db, JSON.stringify(backup)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'import-entry', messageKey: 'importErrorEntry' });
    expect(await countEntries(db)).toBe(0);
  });

  const fileBreakers: [string, (b: Backup) => unknown, string][] = [
    ['another format', (b) => ({ ...b, format: 'pocket-export' }), 'import-format'],
    ['no format', (b) => ({ ...b, format: undefined }), 'import-format'],
    ['a newer version', (b) => ({ ...b, version: BACKUP_VERSION + 1 }), 'import-version'],
    ['entries not a list', (b) => ({ ...b, entries: {} }), 'import-format'],
    ['an array', (b) => [b], 'import-format'],
    ['bad exportedAt', (b) => ({ ...b, exportedAt: 5 }), 'import-format'],
  ];

  it.each(fileBreakers)('rejects %s', async (_name, breakIt, code) => {
    const db = tracked();
    await expect(
      importLibrary(db, JSON.stringify(breakIt(await goodBackup()))),
    ).rejects.toMatchObject({ code });
    expect(await countEntries(db)).toBe(0);
  });

  it('rejects text that is not JSON, or JSON that is not an object', async () => {
    const db = tracked();
    const json = JSON.stringify(await goodBackup());
    await expect(importLibrary(db, json.slice(0, -10))).rejects.toMatchObject({
      code: 'import-not-json',
      messageKey: 'importErrorNotJson',
    });
    await expect(importLibrary(db, '')).rejects.toMatchObject({ code: 'import-not-json' });
    await expect(importLibrary(db, 'null')).rejects.toMatchObject({ code: 'import-format' });
    expect(await countEntries(db)).toBe(0);
  });

  it('leaves an existing list untouched when the file is corrupt', async () => {
    const db = await seeded();
    const before = await exportLibrary(db, T0);
    const broken = await goodBackup();
    broken.entries.push({ ...broken.entries[0]!, progress: -1 });
    await expect(importLibrary(db, broken)).rejects.toMatchObject({ code: 'import-entry' });
    expect(await exportLibrary(db, T0)).toEqual(before);
  });
});

describe('round trip property', () => {
  const arabicWord = fc.constantFrom(
    'الحكومة',
    'مدارس',
    'وزير',
    'الاقتصاد',
    'غزة',
    'القاهرة',
    'انتخابات',
    'صحة',
    'تعليم',
    'رياضة',
  );
  const text = fc.array(arabicWord, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
    .map((t) => new Date(t).toISOString());
  const entry = (i: number) =>
    fc
      .record({
        title: text,
        body: fc.option(text, { nil: null }),
        savedAt: instant,
        updatedAt: instant,
        read: fc.boolean(),
        archived: fc.boolean(),
        favourite: fc.boolean(),
        progress: fc.double({ min: 0, max: 1, noNaN: true }),
        tags: fc.uniqueArray(arabicWord, { maxLength: 3 }),
        host: fc.constantFrom('example.com', 'news.example.org', 'aljazeera.net'),
        byline: fc.option(text, { nil: null }),
      })
      .map((r): BackupEntry => {
        const url = `https://${r.host}/news/${i}`;
        return {
          canonicalUrl: canonicalUrl(url),
          savedAt: r.savedAt,
          updatedAt: r.updatedAt,
          read: r.read,
          archived: r.archived,
          favourite: r.favourite,
          progress: r.progress,
          tags: r.tags,
          article: {
            url,
            title: r.title,
            byline: r.byline,
            siteName: null,
            published: null,
            lang: 'ar',
            dir: 'rtl',
            excerpt: r.body?.slice(0, 50) ?? '',
            leadImage: null,
            wordCount: 3,
            readingMinutes: 1,
          },
          body:
            r.body === null ? null : { content: `<p>${r.body}</p>`, text: r.body, sections: [] },
        };
      });
  const backup = fc
    .integer({ min: 0, max: 8 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i))))
    .map((entries): Backup => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(T0).toISOString(),
      entries,
    }));

  it('export → import into an empty list gives the same entries; a second import adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(backup, async (b) => {
        const first = tracked();
        await importLibrary(first, JSON.stringify(b));
        const exported = await exportLibrary(first, T0);
        const second = tracked();
        await importLibrary(second, JSON.stringify(exported));
        const again = await exportLibrary(second, T0);
        expect(again.entries).toEqual(exported.entries);
        const byUrl = (x: Backup) =>
          [...x.entries].sort((p, q) => (p.canonicalUrl < q.canonicalUrl ? -1 : 1));
        expect(byUrl(exported)).toEqual(byUrl(b));
        const report = await importLibrary(second, JSON.stringify(exported));
        expect(report).toEqual({ added: 0, updated: 0, unchanged: b.entries.length });
        expect(await countEntries(second)).toBe(b.entries.length);
        await Promise.all(dbs.splice(0).map(dropDb));
      }),
      { numRuns: 40 },
    );
  });
});
