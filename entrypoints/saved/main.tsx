import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '../reader/themes.css';
import '../reader/reader.css';
import '../reader/highlights.css';
import '../reader/print.css';
import { render } from 'preact';
import { ReaderStatus } from '@/components/reader/ReaderStatus';
import { readerLabels } from '@/lib/reader/labels';
import { parseReaderLocation } from '@/lib/reader/location';
import { preloadFonts } from '@/lib/reader/fonts';
import { loadSettings } from '@/lib/reader/settings';
import { bootSaved } from '../reader/load-saved';

// A saved article (`saved.html?id=ID`). Unlike the overlay's reader.html, this page is not in
// web_accessible_resources: no web page can frame or open it, so none can show a saved article
// or move its reading position.
const app = document.getElementById('app');
if (app) {
  const settings = loadSettings().catch(() => undefined);
  const labels = readerLabels();
  render(<ReaderStatus kind="loading" labels={labels} />, app);
  preloadFonts(document);
  void bootSaved(app, parseReaderLocation(location.href).id ?? '', labels, settings);
}
