/**
 * A long list loaded a page at a time, as rows scroll into view: the popup never reads more of
 * the reading list than it shows. A refresh (after a change) reloads the pages on screen and
 * swaps them in at once, so the list does not flash empty.
 */

export interface Page<T> {
  items: T[];
  /** How many items the whole list holds. */
  total: number;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export const PAGE_SIZE = 50;

export class PagedList<T> {
  private pages = new Map<number, T[]>();
  private loading = new Set<number>();
  private generation = 0;
  private disposed = false;
  private wanted: [number, number] = [0, 0];
  total: number | null = null;
  error: unknown = null;

  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly onChange: () => void,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  /** The item at `index` if its page has arrived. */
  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Load whatever pages rows [start, end) need and are not loaded or loading yet. */
  ensure(start: number, end: number): void {
    this.wanted = [start, Math.max(start + 1, end)];
    for (const page of this.pagesFor(start, end)) {
      if (this.pages.has(page) || this.loading.has(page)) continue;
      void this.load(page, this.generation);
    }
  }

  /** Reload the pages last asked for; other pages are dropped and load again on demand. */
  async refresh(): Promise<void> {
    const gen = ++this.generation;
    this.loading.clear();
    const wanted = this.pagesFor(...this.wanted);
    try {
      const got = await Promise.all(
        wanted.map((p) => this.fetchPage(p * this.pageSize, this.pageSize)),
      );
      if (gen !== this.generation || this.disposed) return;
      this.pages = new Map(wanted.map((p, i) => [p, got[i]!.items]));
      this.total = got.at(-1)?.total ?? 0;
      this.error = null;
    } catch (err) {
      if (gen !== this.generation || this.disposed) return;
      this.error = err;
    }
    this.onChange();
  }

  dispose(): void {
    this.disposed = true;
  }

  private pagesFor(start: number, end: number): number[] {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end - 1) / this.pageSize);
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out;
  }

  private async load(page: number, gen: number): Promise<void> {
    this.loading.add(page);
    try {
      const got = await this.fetchPage(page * this.pageSize, this.pageSize);
      if (gen !== this.generation || this.disposed) return;
      this.pages.set(page, got.items);
      this.total = got.total;
      this.error = null;
    } catch (err) {
      if (gen !== this.generation || this.disposed) return;
      this.error = err;
    } finally {
      if (gen === this.generation) this.loading.delete(page);
    }
    this.onChange();
  }
}
