/**
 * The reader view rendered once on a small sample while the overlay's reader page waits for its
 * tab's article, then taken down in the same task: nothing of it is painted, and none of its
 * effects run (Preact runs a component's effects after the paint, and skips those of a component
 * unmounted by then). What it pays ahead is the view's cold path: the first (unoptimized) run of
 * Preact's diff and of every component, and the first style and layout of the view's markup in
 * the reader's fonts. From the keyboard the page waits 100–400 ms for its article; the view's
 * first render took 20–125 ms of the time after it arrived.
 */
import { render } from 'preact';
import type { Article } from '@/lib/article';
import type { ReaderSettings } from '@/lib/reader/settings';
import { ReaderView } from './ReaderView';

// Laid out (so styles and fonts are resolved) but never painted, over nothing, taking no input.
const HOLDER_CSS = 'position:fixed;inset:0;overflow:hidden;visibility:hidden;pointer-events:none';
/** Marked once the view has been rendered and taken down (the benchmark's breakdown, the tests). */
export const VIEW_WARMED_MARK = 'qari:view-warmed';
const noop = (): void => undefined;
const never = (): Promise<boolean> => Promise.resolve(false);

// i18n-data: a sample article, never shown. Two sections, so the table of contents renders too.
const SAMPLE: Article = {
  url: 'https://example.invalid/a',
  canonical: null,
  title: 'عنوان المقال',
  byline: 'كاتب',
  siteName: 'موقع',
  published: '2026-01-01T00:00:00Z',
  lang: 'ar',
  dir: 'rtl',
  excerpt: 'نص',
  leadImage: null,
  content:
    '<h2 id="s1">قسم</h2><p>نص المقال <a href="/b">رابط</a> <b>عريض</b> <i>مائل</i></p><blockquote><p>اقتباس</p></blockquote><ul><li>بند</li></ul><h2 id="s2">قسم ثان</h2><p>نص آخر</p>',
  text: 'نص المقال\n\nنص آخر',
  sections: [
    { id: 's1', level: 1, title: 'قسم' },
    { id: 's2', level: 1, title: 'قسم ثان' },
  ],
  wordCount: 8,
  readingMinutes: 1,
};

/**
 * Render the view on the sample in `settings` (the reader's stored ones, so its fonts and sizes
 * are the ones the article will use) into a holder of its own, force its layout, take it down.
 * The root's theme attribute, which the view sets before paint, is put back as it was.
 */
export function warmUpView(doc: Document, settings: ReaderSettings | undefined): void {
  const root = doc.documentElement;
  const theme = root.getAttribute('data-theme');
  const holder = doc.createElement('div');
  holder.setAttribute('style', HOLDER_CSS);
  holder.setAttribute('aria-hidden', 'true');
  doc.body.append(holder);
  try {
    render(
      <ReaderView
        article={SAMPLE}
        mode="overlay"
        onClose={noop}
        onSave={never}
        isSaved={never}
        onArchive={never}
        initialSettings={settings}
      />,
      holder,
    );
    void holder.offsetHeight;
  } finally {
    render(null, holder);
    holder.remove();
    if (theme === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }
  performance.mark(VIEW_WARMED_MARK);
}
