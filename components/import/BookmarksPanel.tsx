import { exportBookmarks } from '@/lib/import/export-bookmarks';
import { importLabel } from '@/lib/import/labels';
import { openDb } from '@/lib/store/db';

function download(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Options page: the list as a bookmark file, and the way to the import page. */
export function BookmarksPanel() {
  const exportHtml = async () => {
    const { html } = await exportBookmarks(openDb());
    download(`qari-bookmarks-${new Date().toISOString().slice(0, 10)}.html`, html);
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
