import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './import.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ImportPage, type ImportEnv } from '@/components/import/ImportPage';
import { FETCH_ORIGINS, fileForImport, startOfFile } from '@/lib/import/client';
import { importLabel } from '@/lib/import/labels';
import { previewInWorker } from '@/lib/import/preview-file';
import { startImportFromPage } from '@/lib/import/start-file';
import { ask } from '@/lib/messaging';
import { uiLang } from '@/lib/i18n';

const parser = () =>
  new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });

const env: ImportEnv = {
  readFile: fileForImport,
  readStart: startOfFile,
  async preview(file, soFar) {
    const res = await previewInWorker(file, parser, soFar);
    return res.ok ? { preview: res.preview } : { messageKey: res.messageKey };
  },
  start: (file) =>
    startImportFromPage(file, parser, {
      backup: (json) => ask('library:import', { json }),
      links: (items) => ask('import:links', { items }),
    }),
  // Requested at once, nothing awaited before: Firefox lets permissions.request prompt only while
  // the click is being handled, and a promise awaited first ends that. Access already held
  // resolves true with no prompt in both browsers.
  requestAccess: () => browser.permissions.request({ origins: FETCH_ORIGINS }).catch(() => false),
  status: () => ask('import:status', {}),
  pause: () => ask('import:pause', {}),
  resume: () => ask('import:resume', {}),
  retryFailed: () => ask('import:retryFailed', {}),
};

const ui = uiLang();
document.documentElement.lang = ui;
document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
document.title = importLabel('importTitle');
const app = document.getElementById('app');
if (app) render(<ImportPage env={env} ui={ui} />, app);
