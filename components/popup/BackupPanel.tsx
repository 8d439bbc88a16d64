import { useRef, useState } from 'preact/hooks';
import { errorKey } from '@/lib/popup/errors';
import { count } from '@/lib/popup/format';
import { label, labelFor } from '@/lib/popup/labels';
import type { UiLang } from '@/lib/i18n';
import type { ImportReport } from '@/lib/store/backup';
import { StatusLine, type Status } from './StatusLine';

export interface BackupEnv {
  /** The whole list as backup JSON, and how many entries it holds. */
  exportJson: () => Promise<{ json: string; entries: number }>;
  importJson: (json: string) => Promise<ImportReport>;
  download: (fileName: string, json: string) => void;
}

export function backupFileName(now = new Date()): string {
  return `qari-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** Export the reading list to a JSON file and import one back, with the outcome in words. */
export function BackupPanel({ env, ui }: { env: BackupEnv; ui: UiLang }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setStatus({ text: label('optionsWorking'), error: false });
    try {
      setStatus({ text: await work(), error: false });
    } catch (err) {
      setStatus({ text: labelFor(errorKey(err), 'popupError'), error: true });
    } finally {
      setBusy(false);
    }
  };

  const doExport = () =>
    run(async () => {
      const { json, entries } = await env.exportJson();
      env.download(backupFileName(), json);
      return label('optionsExportDone', count(entries, ui));
    });

  const doImport = (file: File) =>
    run(async () => {
      const r = await env.importJson(await file.text());
      return label(
        'optionsImportDone',
        count(r.added, ui),
        count(r.updated, ui),
        count(r.unchanged, ui),
      );
    });

  return (
    <section class="qari-backup" aria-busy={busy}>
      <h2>{label('popupBackup')}</h2>
      <p>{label('optionsIntro')}</p>
      <div class="qari-backup-buttons">
        <button type="button" class="qari-primary" disabled={busy} onClick={() => void doExport()}>
          {label('optionsExport')}
        </button>
        <label class={busy ? 'qari-secondary qari-file qari-disabled' : 'qari-secondary qari-file'}>
          {label('optionsImport')}
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void doImport(file);
            }}
          />
        </label>
      </div>
      <StatusLine status={status} />
    </section>
  );
}
