import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './themes.css';
import './reader.css';
import './print.css';
import { render } from 'preact';
import { ReaderStatus } from '@/components/reader/ReaderStatus';
import { ReaderView } from '@/components/reader/ReaderView';
import { readerLabels } from '@/lib/reader/labels';
import { parseReaderLocation } from '@/lib/reader/location';
import { preloadFonts } from '@/lib/reader/fonts';
import { loadSettings } from '@/lib/reader/settings';
import { warmUp } from '@/lib/reader/render-content';
import { waitForOverlayArticle } from '@/lib/reader/overlay-article';
import { OVERLAY_CLOSE } from '@/lib/messages';

// The reading list (Dexie and the store) loads only for a saved article or a save: the overlay's
// first paint does not wait for it.
const library = () => import('./load-saved');

// The overlay (lib/page/overlay.ts) accepts this only from its own frame.
const closeOverlay = (): void => parent.postMessage(OVERLAY_CLOSE, '*');

async function boot(app: HTMLElement): Promise<void> {
  // Read beside everything else the page waits for, so the first paint is in the reader's theme.
  const settings = loadSettings().catch(() => undefined);
  const labels = readerLabels();
  const loc = parseReaderLocation(location.href);
  const inOverlay = loc.token !== null;
  const onClose = inOverlay ? closeOverlay : undefined;
  // Esc must close the overlay while loading or after a failure; ReaderView handles it after.
  const escCloses = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && onClose) onClose();
  };
  addEventListener('keydown', escCloses);
  render(<ReaderStatus kind="loading" labels={labels} />, app);
  preloadFonts(document);

  if (!inOverlay && loc.id) return (await library()).bootSaved(app, loc.id, labels, settings);
  const waiting = loc.token ? waitForOverlayArticle(window, loc.token) : null;
  if (waiting) warmUp(document);
  const article = await waiting;
  if (!article || article === 'error') {
    const kind = article === 'error' ? 'error' : 'missing';
    render(<ReaderStatus kind={kind} labels={labels} onClose={onClose} />, app);
    return;
  }
  removeEventListener('keydown', escCloses);
  const onSave = () => library().then((m) => m.saveToLibrary(article));
  const isSaved = () => library().then((m) => m.isInLibrary(article));
  render(
    <ReaderView
      article={article}
      mode="overlay"
      onClose={onClose}
      onSave={onSave}
      isSaved={isSaved}
      initialSettings={await settings}
    />,
    app,
  );
}

const app = document.getElementById('app');
if (app) void boot(app);
