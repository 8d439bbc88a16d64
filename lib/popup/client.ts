/**
 * What the popup needs from the reading list, as one interface: the views take it as a prop,
 * so unit tests drive them with an in-memory fake and the extension with the real library.
 */
import type { SearchHit } from '../search';
import type { Entry, StatusPatch } from '../store/entry';
import type { ListFilter } from '../store/articles';
import type { Page } from './paged-list';

/** One row of the popup list: an entry, with match highlights when it came from a search. */
export interface ListRow {
  entry: Entry;
  titleRanges?: SearchHit['titleRanges'];
  snippet?: SearchHit['snippet'];
  /** The snippet is from a highlight's note. */
  inNote?: boolean;
  /** The search found nothing as typed; this row matches a word one letter away. */
  near?: boolean;
}

export type SaveOutcome =
  | { ok: true; created: boolean; entry: Entry }
  /** `messageKey`: a `_locales` key with the reason in plain words. */
  | { ok: false; messageKey: string };

export interface LibraryClient {
  list(filter: ListFilter, offset: number, limit: number): Promise<Page<ListRow>>;
  search(query: string, offset: number, limit: number): Promise<Page<ListRow>>;
  /** A page of the list already at hand (read before the view was made), taken once, or undefined. */
  peek?(filter: ListFilter, offset: number, limit: number): Page<ListRow> | undefined;
  saveTab(tabId: number): Promise<SaveOutcome>;
  setStatus(id: number, patch: StatusPatch): Promise<void>;
  remove(ids: number[]): Promise<{ undoToken: string }>;
  undo(undoToken: string): Promise<void>;
  /**
   * Call `onChange` when the list changes anywhere (another tab, the background: a save, a synced
   * change, a fetched body, an import); returns the unsubscribe. `since`: the list's revision the
   * shown rows were read at, so a change between that read and the subscription is not missed.
   */
  watch(onChange: () => void, since?: number): () => void;
}

/** A failed library call, carrying the `_locales` key of its reason. */
export class LibraryCallError extends Error {
  constructor(
    readonly messageKey: string,
    detail?: string,
  ) {
    super(detail ?? messageKey);
    this.name = 'LibraryCallError';
  }
}
