import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './options.css';
import { render } from 'preact';
import { BookmarksPanel } from '@/components/import/BookmarksPanel';
import { ButtonSitesPanel, type ButtonSitesEnv } from '@/components/options/ButtonSitesPanel';
import {
  HighlightsExportPanel,
  type HighlightsExportEnv,
} from '@/components/options/HighlightsExportPanel';
import { ImagesPanel, type ImagesEnv } from '@/components/library/ImagesPanel';
import { BackupPanel, type BackupEnv } from '@/components/popup/BackupPanel';
import { SyncPanel, type SyncEnv } from '@/components/popup/SyncPanel';
import { ask } from '@/lib/messaging';
import { LibraryCallError } from '@/lib/popup/client';
import { label } from '@/lib/popup/labels';
import { t, uiLang } from '@/lib/i18n';
import { exportLibrary } from '@/lib/store/backup';
import { openDb } from '@/lib/store/db';
import { highlightedArticles } from '@/lib/store/highlights';
import { IMAGE_CAPS, imageBytesUsed } from '@/lib/store/images';
import { loadSettings, saveSettings } from '@/lib/reader/settings';
import { downloadFile } from '@/lib/download';

// Chrome refuses messages over 64 MiB; the library service's guard stops just below.
const MAX_MESSAGE_CHARS = 60_000_000;

const env: BackupEnv = {
  // A read: straight from the database, so a large list never crosses the message channel.
  async exportJson() {
    const backup = await exportLibrary(openDb());
    return { json: JSON.stringify(backup), entries: backup.entries.length };
  },
  async importJson(json) {
    if (json.length > MAX_MESSAGE_CHARS) throw new LibraryCallError('importErrorTooLarge');
    const res = await ask('library:import', { json });
    if (!res) throw new LibraryCallError('popupError');
    if (!res.ok) throw new LibraryCallError(res.messageKey, res.code);
    return { added: res.added, updated: res.updated, unchanged: res.unchanged };
  },
  download: (fileName, json) => downloadFile(document, fileName, json, 'application/json'),
};

// A read, like the backup's: straight from the database.
const highlightsEnv: HighlightsExportEnv = {
  articles: () => highlightedArticles(openDb()),
  download: (fileName, text, type) => downloadFile(document, fileName, text, type),
};

const syncEnv: SyncEnv = {
  state: () => ask('sync:state', {}),
  setEnabled: (enabled) => ask('sync:setEnabled', { enabled }),
  syncNow: () => ask('sync:now', {}),
};

const buttonSitesEnv: ButtonSitesEnv = {
  hiddenSites: () => ask('button:hiddenSites', {}),
  setButtonHidden: (site, hidden) => ask('button:setHidden', { site, hidden }),
};

const imagesEnv: ImagesEnv = {
  shown: async () => (await loadSettings()).images,
  setShown: (images) => saveSettings({ images }),
  use: async () => ({ bytes: await imageBytesUsed(openDb()), cap: IMAGE_CAPS.total }),
};

const ui = uiLang();
document.documentElement.lang = ui;
document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
document.title = label('optionsTitle');
const app = document.getElementById('app');
if (app)
  render(
    <main class="qari-options">
      <h1>{t('extName')}</h1>
      <SyncPanel env={syncEnv} ui={ui} />
      <ImagesPanel env={imagesEnv} ui={ui} />
      <BackupPanel env={env} ui={ui} />
      <HighlightsExportPanel env={highlightsEnv} ui={ui} />
      <BookmarksPanel />
      <ButtonSitesPanel env={buttonSitesEnv} />
    </main>,
    app,
  );
