/**
 * Reading-list entries: the rows the database keeps and the shape the rest of the extension sees.
 * An entry is split four ways so each view reads only what it shows: `articles` (metadata and
 * status: the popup list), `bodies` (HTML and sections: the reader), `texts` (plain text: search
 * snippets) and `terms` (the search index).
 */
import type { Article } from '../article';
import type { Highlight } from '../highlights/model';

/** Article fields kept with the list row: everything but the heavy body (the canonical link is a key). */
export type ArticleMeta = Omit<Article, 'content' | 'text' | 'sections' | 'canonical'>;
/** The heavy part of an article, loaded only by the reader and the search snippets. */
export type ArticleBody = Pick<Article, 'content' | 'text' | 'sections'>;

/** The entry fields a sync engine carries between browsers. */
export const SYNC_FIELDS = [
  'url',
  'title',
  'siteName',
  'savedAt',
  'read',
  'archived',
  'favourite',
  'progress',
  'tags',
] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

/** IndexedDB cannot index booleans, so flags are stored as 0 or 1. */
export type Flag = 0 | 1;

export interface EntryRow {
  id: number;
  canonicalUrl: string;
  meta: ArticleMeta;
  savedAt: number;
  updatedAt: number;
  read: Flag;
  archived: Flag;
  favourite: Flag;
  /** How far the reader got, 0..1. */
  progress: number;
  tags: string[];
  /** 0 for an entry known from sync whose body was never saved on this device. */
  hasBody: Flag;
  /**
   * Every canonical key the entry's page is known by: its own key, its page URL's, the page's
   * canonical link and the end of a fetch's redirects. An import or save finds the entry under
   * any of them (`lib/store/find.ts`), so one article is never listed twice.
   */
  addresses: string[];
  /** Why an imported link could not be fetched as an article (`lib/import/failure.ts`). */
  importFailure?: string;
  /**
   * The reader's highlights and notes (`lib/highlights/model.ts`); absent when there are none, so
   * rows from before highlights need no upgrade. Not synced; the backup carries them.
   */
  highlights?: Highlight[];
}

export interface BodyRow {
  id: number;
  content: string;
  sections: Article['sections'];
}

export interface TextRow {
  id: number;
  text: string;
}

/** A whole body as the trash keeps it (and as version 1 stored it in `bodies`). */
export interface FullBodyRow extends ArticleBody {
  id: number;
}

export interface TermsRow {
  id: number;
  title: string[];
  all: string[];
  version: number;
}

/** One local change for the sync engine's outbox. */
export interface ChangeRow {
  seq: number;
  canonicalUrl: string;
  op: 'put' | 'delete';
  fields: SyncField[];
  at: number;
}

/** A deleted entry kept for undo until purged. */
export interface TrashRow {
  id: number;
  batch: string;
  deletedAt: number;
  entry: EntryRow;
  body: FullBodyRow | null;
  terms: TermsRow | null;
}

/** A reading-list entry as the extension's views see it. */
export interface Entry {
  id: number;
  canonicalUrl: string;
  article: ArticleMeta;
  savedAt: number;
  updatedAt: number;
  read: boolean;
  archived: boolean;
  favourite: boolean;
  progress: number;
  tags: string[];
  /** False for an entry synced from another browser whose article is not on this device yet. */
  hasBody: boolean;
  /** Set on an imported link whose page could not be saved as an article: the reason. */
  importFailure?: string;
  /** How many highlights the entry has; absent for none (the list marks an entry that has some). */
  highlightCount?: number;
}

export type StatusPatch = Partial<Pick<Entry, 'read' | 'archived' | 'favourite'>>;

export const flag = (b: boolean): Flag => (b ? 1 : 0);

/**
 * A row for an entry not yet in the list: unread, not archived, no progress or tags. Saves,
 * imports and entries first known from another browser differ only in what they override.
 */
export function newEntryRow(
  canonicalUrl: string,
  meta: ArticleMeta,
  now: number,
  init: Partial<Omit<EntryRow, 'id' | 'canonicalUrl' | 'meta'>>,
): Omit<EntryRow, 'id'> {
  return {
    canonicalUrl,
    meta,
    savedAt: now,
    updatedAt: now,
    read: 0,
    archived: 0,
    favourite: 0,
    progress: 0,
    tags: [],
    hasBody: 0,
    addresses: [canonicalUrl],
    ...init,
  };
}

/**
 * The list metadata of an entry whose article is not on this device (an imported link before its
 * page is fetched, an entry first known from another browser): what its address tells.
 */
export function placeholderMeta(url: string, title: string, siteName: string | null): ArticleMeta {
  return {
    url,
    title,
    byline: null,
    siteName,
    published: null,
    lang: '',
    dir: 'rtl',
    excerpt: '',
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
  };
}

export function toEntry(row: EntryRow): Entry {
  return {
    id: row.id,
    canonicalUrl: row.canonicalUrl,
    article: row.meta,
    savedAt: row.savedAt,
    updatedAt: row.updatedAt,
    read: row.read === 1,
    archived: row.archived === 1,
    favourite: row.favourite === 1,
    progress: row.progress,
    tags: row.tags,
    hasBody: row.hasBody === 1,
    ...(row.importFailure && row.hasBody !== 1 ? { importFailure: row.importFailure } : {}),
    ...(row.highlights?.length ? { highlightCount: row.highlights.length } : {}),
  };
}

/** Split an article into its list metadata and its body, keeping only known fields. */
export function splitArticle(a: Article): { meta: ArticleMeta; body: ArticleBody } {
  return {
    meta: {
      url: a.url,
      title: a.title,
      byline: a.byline,
      siteName: a.siteName,
      published: a.published,
      lang: a.lang,
      dir: a.dir,
      excerpt: a.excerpt,
      leadImage: a.leadImage,
      wordCount: a.wordCount,
      readingMinutes: a.readingMinutes,
    },
    body: {
      content: a.content,
      text: a.text,
      sections: a.sections.map((s) => ({ id: s.id, level: s.level, title: s.title })),
    },
  };
}

export function joinArticle(meta: ArticleMeta, body: ArticleBody): Article {
  return { ...meta, content: body.content, text: body.text, sections: body.sections };
}

/** A saved article's image kept for reading offline (`lib/store/images.ts`). */
export interface ImageRow {
  /** The entry's id. */
  entry: number;
  /** The image's address as the article's HTML names it. */
  url: string;
  /** Its media type (`image/jpeg`…), checked when it was fetched. */
  type: string;
  data: ArrayBuffer;
  bytes: number;
}
