/**
 * A long list loaded a page at a time, as rows scroll into view: the popup never reads more of
 * the reading list than it shows. A refresh (after a change) reloads the pages on screen and
 * swaps them in at once, so the list does not flash empty.
 */

export interface Page<T> {
  items: T[];
  /** How many items the whole list holds; while `counting`, only how many are known so far. */
  total: number;
  /** The exact total, when it comes after the items (counting a long list takes a while). */
  counting?: Promise<number>;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export const PAGE_SIZE = 50;
/**
 * Search results come ten at a time: a screen of search rows (they are taller) and the rows the
 * list renders beyond its edges. Each result reads its article and text for the snippet, so a
 * search costs what the reader sees, not a long page.
 */
export const SEARCH_PAGE_SIZE = 10;

export class PagedList<T> {
  private pages = new Map<number, T[]>();
  private loading = new Set<number>();
  private generation = 0;
  private disposed = false;
  private wanted: [number, number] = [0, 0];
  total: number | null = null;
  /** True while `total` is a lower bound and the exact count is on its way. */
  counting = false;
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

  /** Take a page that is already at hand as if it had just loaded (no change is reported). */
  seed(page: number, got: Page<T>): void {
    this.pages.set(page, got.items);
    this.setTotal(got.total, got.counting, this.generation);
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
      const last = got.at(-1);
      this.setTotal(last?.total ?? 0, last?.counting, gen);
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

  private setTotal(total: number, counting: Promise<number> | undefined, gen: number): void {
    this.total = total;
    this.counting = counting !== undefined;
    counting?.then(
      (exact) => {
        if (gen !== this.generation || this.disposed || !this.counting) return;
        this.total = exact;
        this.counting = false;
        this.onChange();
      },
      // The count failed: load the pages again, which brings a total with them.
      () => {
        if (gen === this.generation && !this.disposed && this.counting) void this.refresh();
      },
    );
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
      this.setTotal(got.total, got.counting, gen);
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
