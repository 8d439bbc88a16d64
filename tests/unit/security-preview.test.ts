/**
 * The import preview runs in the import page's worker, not in the background (issue 14, item 5):
 * its answer for hostile files, and the page's side of the worker's protocol. The background
 * staying responsive meanwhile is an end-to-end test (hostile-integrity.e2e.test.ts).
 */
import { nestedFolders, unclosedLinks } from '../fixtures/hostile-bookmarks';
import { MAX_FILE_LINKS } from '@/lib/import/items';
import {
  answerWorkerTask,
  previewImportFile,
  previewInWorker,
  type PreviewAnswer,
} from '@/lib/import/preview-file';

describe('previewImportFile', () => {
  it('previews 30,000 unclosed links and 10,000 nested folders', () => {
    const a = previewImportFile({ fileName: 'b.html', text: unclosedLinks(30_000) });
    const b = previewImportFile({ fileName: 'b.html', text: nestedFolders(10_000) });
    expect(a.ok && a.preview.total).toBe(30_000);
    expect(b.ok && b.preview.total).toBe(10_000);
  });

  it('says a file over the links cap is too large', () => {
    const text = unclosedLinks(MAX_FILE_LINKS + 1);
    expect(previewImportFile({ fileName: 'b.html', text })).toEqual({
      ok: false,
      messageKey: 'importFileTooLarge',
    });
  });

  it('answers anything that is not an import file as an unknown file, without throwing', () => {
    for (const v of [null, 'x', { fileName: 'a', text: 'x', extra: 1 }, { fileName: 'a' }])
      expect(previewImportFile(v)).toEqual({ ok: false, messageKey: 'importFileUnknown' });
  });
});

/** A worker that runs the worker's own code on a later task, as a real one answers. */
class FakeWorker {
  onmessage: ((e: MessageEvent<PreviewAnswer>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage(data: unknown): void {
    setTimeout(() => {
      if (this.fail) this.onerror?.();
      else
        answerWorkerTask(data, (answer) =>
          this.onmessage?.({ data: answer } as MessageEvent<PreviewAnswer>),
        );
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('previewInWorker', () => {
  it('answers with the worker’s preview and ends the worker', async () => {
    const w = new FakeWorker();
    const res = await previewInWorker(
      { fileName: 'b.html', text: unclosedLinks(3) },
      () => w as unknown as Worker,
    );
    expect(res.ok && res.preview.total).toBe(3);
    expect(w.terminated).toBe(true);
  });

  it('answers an unknown file when the worker fails or cannot start', async () => {
    const w = new FakeWorker(true);
    expect(await previewInWorker({}, () => w as unknown as Worker)).toEqual({
      ok: false,
      messageKey: 'importFileUnknown',
    });
    expect(w.terminated).toBe(true);
    const cannot = () => {
      throw new Error('no workers here');
    };
    expect(await previewInWorker({}, cannot)).toMatchObject({ ok: false });
  });
});
