import { exportBookmarks } from '@/lib/import/export-bookmarks';
import { importLabel } from '@/lib/import/labels';
import { downloadFile } from '@/lib/download';
import { openDb } from '@/lib/store/db';

/** Options page: the list as a bookmark file, and the way to the import page. */
export function BookmarksPanel() {
  const exportHtml = async () => {
    const { html } = await exportBookmarks(openDb());
    downloadFile(
      document,
      `qari-bookmarks-${new Date().toISOString().slice(0, 10)}.html`,
      html,
      'text/html',
    );
  };
  return (
    <section class="qari-backup">
      <div class="qari-backup-buttons">
        <button type="button" class="qari-secondary" onClick={() => void exportHtml()}>
          {importLabel('optionsExportBookmarks')}
        </button>
        <a class="qari-secondary" href="/import.html">
          {importLabel('optionsOpenImport')}
        </a>
      </div>
    </section>
  );
}
