import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot, settle } from './preact-root';
import { BackupPanel, backupFileName, type BackupEnv } from '@/components/popup/BackupPanel';
import { LibraryCallError } from '@/lib/popup/client';

const view = preactRoot();

function env(over: Partial<BackupEnv> = {}): BackupEnv {
  return {
    exportJson: async () => ({ json: '{"entries":[]}', entries: 12 }),
    importJson: async () => ({ added: 3, updated: 1, unchanged: 0 }),
    download: vi.fn(),
    ...over,
  };
}

function chooseFile(text: string): void {
  const input = view.get().querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([text], 'backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('BackupPanel', () => {
  it('downloads the export under a dated name and says how many articles it holds', async () => {
    const e = env();
    await act(async () => render(<BackupPanel env={e} ui="ar" />, view.get()));
    await act(async () => view.get().querySelector<HTMLButtonElement>('button')!.click());
    await settle();
    expect(e.download).toHaveBeenCalledWith(backupFileName(), '{"entries":[]}');
    expect(view.get().querySelector('[role="status"]')!.textContent).toBe('صُدّرت المقالات: ١٢');
  });

  it('imports a chosen file and reports the counts', async () => {
    const importJson = vi.fn(async () => ({ added: 3, updated: 1, unchanged: 0 }));
    await act(async () => render(<BackupPanel env={env({ importJson })} ui="ar" />, view.get()));
    await act(async () => chooseFile('{"format":"qari-backup"}'));
    await settle();
    expect(importJson).toHaveBeenCalledWith('{"format":"qari-backup"}');
    expect(view.get().querySelector('[role="status"]')!.textContent).toBe(
      'تم الاستيراد: ٣ جديدة، ١ محدّثة، ٠ دون تغيير.',
    );
  });

  it('shows a failed import as an alert in words', async () => {
    const importJson = async () => {
      throw new LibraryCallError('no-such-key-in-tests');
    };
    await act(async () => render(<BackupPanel env={env({ importJson })} ui="ar" />, view.get()));
    await act(async () => chooseFile('not json'));
    await settle();
    const alert = view.get().querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('تعذّرت العملية. حاول مرة أخرى.');
  });

  it('names the file by the day', () => {
    expect(backupFileName(new Date('2026-03-04T10:00:00Z'))).toBe('qari-backup-2026-03-04.json');
  });
});
