import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './themes.css';
import './reader.css';
import './highlights.css';
import './print.css';
import { render } from 'preact';
import { ReaderStatus } from '@/components/reader/ReaderStatus';
import { ReaderView } from '@/components/reader/ReaderView';
import { warmUpView } from '@/components/reader/warmUpView';
import { readerLabels } from '@/lib/reader/labels';
import { parseReaderLocation } from '@/lib/reader/location';
import { preloadFonts } from '@/lib/reader/fonts';
import { loadSettings } from '@/lib/reader/settings';
import { warmUp } from '@/lib/reader/render-content';
import { seenCheck, trackVisibility } from '@/lib/reader/visibility';
import { closeOverlay, overlayClear, waitForOverlayArticle } from '@/lib/reader/overlay-article';
import { highlightClient } from '@/lib/highlights/client';
import { ask } from '@/lib/messaging';

// The reading list (Dexie and the store) loads only for a save: the overlay's first paint does
// not wait for it.
const library = () => import('./load-saved');
const RENDERED_MARK = 'qari:article-rendered';

async function boot(app: HTMLElement): Promise<void> {
  // Read beside everything else the page waits for, so the first paint is in the reader's theme.
  const settings = loadSettings().catch(() => undefined);
  const labels = readerLabels();
  const loc = parseReaderLocation(location.href);
  const onClose = loc.token ? () => closeOverlay(window) : undefined;
  // Saving waits for the browser to say the reader is really visible (a page cannot hide it).
  const visible = seenCheck(trackVisibility(document.documentElement, window), () =>
    overlayClear(window),
  );
  // Esc must close the overlay while loading or after a failure; ReaderView handles it after.
  const escCloses = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && onClose) onClose();
  };
  addEventListener('keydown', escCloses);
  render(<ReaderStatus kind="loading" labels={labels} />, app);
  preloadFonts(document);

  // Saved articles open in a page of their own (saved.html), which no web page can load.
  const waiting = loc.token ? waitForOverlayArticle(window, loc.token) : null;
  if (waiting) {
    warmUp(document);
    // The view's cold path too, in the reader's settings, in a frame prepared ahead of a click
    // (it waits for one) unless the article is here first; not from the keyboard, where the
    // article is on its way and would wait for that render (see ReaderLocation.prepared).
    if (loc.prepared) {
      let arrived = false;
      void waiting.then(() => (arrived = true));
      void settings.then((s) => arrived || warmUpView(document, s));
    }
  }
  const delivered = await waiting;
  if (!delivered || typeof delivered === 'string') {
    const kind = delivered ?? 'missing';
    render(<ReaderStatus kind={kind} labels={labels} onClose={onClose} />, app);
    return;
  }
  const { article } = delivered;
  // Saving waits for the browser to say the reader is really visible (a page cannot cover it).
  const onSave = async (): Promise<boolean> =>
    (await visible()) ? (await library()).saveToLibrary(article) : false;
  const isSaved = () => library().then((m) => m.isInLibrary(article));
  const onArchive = async (): Promise<boolean> =>
    (await visible()) ? (await library()).archiveInLibrary(article) : false;
  // The first highlight on an article not yet saved saves it (and says so).
  const { url, canonical } = article;
  const highlights = highlightClient(ask, {
    find: () => ask('highlight:forArticle', canonical ? { url, canonical } : { url }),
    save: async () => ((await visible()) ? (await library()).saveForHighlight(article) : null),
  });
  const initialSettings = await settings;
  const show = (): void => {
    removeEventListener('keydown', escCloses);
    render(
      <ReaderView
        article={article}
        mode="overlay"
        onClose={onClose}
        onSave={onSave}
        isSaved={isSaved}
        onArchive={onArchive}
        initialSettings={initialSettings}
        highlights={highlights}
      />,
      app,
    );
    // The view is in the DOM (the benchmark's step between the article's arrival and its paint).
    performance.mark(RENDERED_MARK);
  };
  // A page the detector did not take for an article: say so first, and show it only if asked.
  if (delivered.looksLikeArticle) return show();
  render(
    <ReaderStatus kind="not-article" labels={labels} onClose={onClose} onShowAnyway={show} />,
    app,
  );
}

const app = document.getElementById('app');
if (app) void boot(app);
