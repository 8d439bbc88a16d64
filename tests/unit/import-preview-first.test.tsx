/**
 * A preview of any size answers first after a bounded amount of work (issue 14): the worker posts
 * the counts of the file's first part, marked partial, then the whole file's. Counted, never
 * timed: the scanner's own count of the characters it examined (`scanWork`) when each answer is
 * posted, and the order of the answers.
 */
import { render } from 'preact';
import { preactRoot } from './preact-root';
import { queueStatus } from './queue-status';
import { ImportPage, type ImportEnv } from '@/components/import/ImportPage';
import { fileForImport, startOfFile } from '@/lib/import/client';
import { scanWork } from '@/lib/import/html-tags';
import { MAX_FILE_LINKS } from '@/lib/import/items';
import {
  FIRST_PREVIEW_CHARS,
  FIRST_PREVIEW_LINKS,
  previewAnswers,
  previewInWorker,
  type PreviewAnswer,
} from '@/lib/import/preview-file';
import type { ImportPreview } from '@/lib/import/preview';
import { unclosedLinks } from '../fixtures/hostile-bookmarks';

interface Posted {
  answer: PreviewAnswer;
  work: number;
}

/** Each answer with the scanner's work done when it was posted. */
function answersOf(text: string): Posted[] {
  const posted: Posted[] = [];
  scanWork.chars = 0;
  previewAnswers({ fileName: 'bookmarks.html', text }, (answer) =>
    posted.push({ answer, work: scanWork.chars }),
  );
  return posted;
}

const total = (a: PreviewAnswer): number => (a.ok ? a.preview.total : -1);
const STATUS = queueStatus();

/** Wait (bounded) until `ok()`; the page's answers come over several tasks. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error('the whole file’s counts never showed');
}

describe('the import preview answers first after bounded work', () => {
  it.each([30_000, 90_000])(
    'of %i unclosed links: the first part’s counts, then the whole file’s',
    (n) => {
      const text = unclosedLinks(n);
      const [first, last, ...more] = answersOf(text);
      expect(more).toEqual([]);
      expect(first!.answer).toMatchObject({ ok: true, partial: true });
      expect(total(first!.answer)).toBeGreaterThan(0);
      expect(total(first!.answer)).toBeLessThanOrEqual(FIRST_PREVIEW_LINKS);
      // The first answer's work is the first part's, whatever the file's size.
      expect(first!.work).toBeLessThan(4 * FIRST_PREVIEW_CHARS);
      expect(last!.answer).not.toHaveProperty('partial');
      expect(total(last!.answer)).toBe(n);
      expect(last!.work).toBeGreaterThan(text.length);
    },
  );

  it('answers a small file once, whole', () => {
    const posted = answersOf(unclosedLinks(100));
    expect(posted.map((p) => p.answer)).toMatchObject([{ ok: true, preview: { total: 100 } }]);
    expect(posted[0]!.answer).not.toHaveProperty('partial');
  });

  it('answers a file over the link cap with «too large» after its first part', () => {
    const [first, last] = answersOf(unclosedLinks(MAX_FILE_LINKS + 1));
    expect(first!.answer).toMatchObject({ ok: true, partial: true });
    expect(last!.answer).toEqual({ ok: false, messageKey: 'importFileTooLarge' });
  });

  it('hands the page the partial counts before the whole file’s, from its worker', async () => {
    const file = { fileName: 'bookmarks.html', text: unclosedLinks(10_000) };
    const seen: string[] = [];
    const worker = {
      onmessage: null as ((e: MessageEvent<PreviewAnswer>) => void) | null,
      onerror: null,
      postMessage(data: { file: unknown }) {
        setTimeout(() =>
          previewAnswers(data.file, (answer) => this.onmessage?.({ data: answer } as MessageEvent)),
        );
      },
      terminate: () => seen.push('terminated'),
    };
    const res = await previewInWorker(
      file,
      () => worker as unknown as Worker,
      (p: ImportPreview) => seen.push(`partial ${p.total}`),
    );
    seen.push(`whole ${total(res)}`);
    expect(seen[0]).toMatch(/^partial \d+$/);
    expect(seen.slice(1)).toEqual(['terminated', 'whole 10000']);
  });
});

/**
 * The page's side: the first counts wait only for the file's first part to be read. Counted: the
 * bytes read from the chosen file (every read goes through `Blob.arrayBuffer`) when each preview
 * is asked for, on the import page with its real file reading and the worker's answers.
 */
describe('the import page’s first counts of a large file', () => {
  const view = preactRoot();
  afterEach(() => vi.restoreAllMocks());

  it.each([30_000, 90_000])(
    'of %i unclosed links come after at most the first part’s bytes are read',
    async (n) => {
      const text = unclosedLinks(n);
      let bytesRead = 0;
      const read = Blob.prototype.arrayBuffer;
      vi.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
        bytesRead += this.size;
        return read.call(this);
      });
      const asked: { bytesRead: number; total: number }[] = [];
      const env: ImportEnv = {
        readFile: fileForImport,
        readStart: startOfFile,
        async preview(file, soFar) {
          const answers: PreviewAnswer[] = [];
          previewAnswers(file, (a) => answers.push(a));
          const last = answers.pop()!;
          for (const a of answers) if (a.ok) soFar?.(a.preview);
          asked.push({ bytesRead, total: total(last) });
          return last.ok ? { preview: last.preview } : { messageKey: last.messageKey };
        },
        start: async () => ({ added: 0, merged: 0 }),
        requestAccess: async () => true,
        status: async () => STATUS,
        pause: async () => STATUS,
        resume: async () => STATUS,
        retryFailed: async () => STATUS,
      };
      render(<ImportPage env={env} ui="en" />, view.get());
      const input = view.get().querySelector<HTMLInputElement>('input[type="file"]')!;
      const file = new File([text], 'bookmarks.html');
      Object.defineProperty(input, 'files', { value: [file] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => !!view.get().querySelector('[data-testid="import-counts"]'));
      console.info(
        `${n} links (${file.size} bytes): previews asked after ${asked.map((a) => a.bytesRead).join(', ')} bytes read`,
      );
      const [first, last] = asked;
      expect(first!.bytesRead).toBeLessThanOrEqual(FIRST_PREVIEW_CHARS);
      expect(first!.total).toBeGreaterThan(0);
      expect(first!.total).toBeLessThanOrEqual(FIRST_PREVIEW_LINKS);
      expect(last!.total).toBe(n);
      expect(view.get().querySelector('[data-testid="import-counts"]')?.textContent).toContain(
        n.toLocaleString('en'),
      );
    },
  );
});
