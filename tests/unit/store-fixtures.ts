import type { Article } from '@/lib/article';
import { QariDb } from '@/lib/store/db';
import type { ChangeRow } from '@/lib/store/entry';
import type { BackupEntry } from '@/lib/store/backup';

let dbCounter = 0;

/** A new, empty database with a name no other test uses. */
export function freshDb(): QariDb {
  dbCounter += 1;
  return new QariDb(`qari-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export async function dropDb(db: QariDb): Promise<void> {
  db.close();
  await db.delete();
}

export function makeArticle(over: Partial<Article> = {}): Article {
  const text = over.text ?? 'نص المقال الأول.\n\nفقرة ثانية من المقال.';
  return {
    url: 'https://www.example.com/news/1',
    title: 'عنوان المقال',
    byline: null,
    siteName: 'مثال',
    published: null,
    lang: 'ar',
    dir: 'rtl',
    excerpt: text.slice(0, 100),
    leadImage: null,
    content: `<p>${text}</p>`,
    text,
    sections: [],
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    ...over,
  };
}

/** A backup entry for `article`, unread and untouched since `at` (ISO), with `over` on top. */
export function backupEntryOf(
  article: Article,
  at: string,
  over: Partial<BackupEntry> = {},
): BackupEntry {
  const { content, text, sections, ...meta } = article;
  return {
    canonicalUrl: meta.url,
    article: meta,
    body: { content, text, sections },
    savedAt: at,
    updatedAt: at,
    read: false,
    archived: false,
    favourite: false,
    progress: 0,
    tags: [],
    ...over,
  };
}

/** The sync outbox, oldest change first. */
export function outbox(db: QariDb): Promise<ChangeRow[]> {
  return db.changes.orderBy('seq').toArray();
}
