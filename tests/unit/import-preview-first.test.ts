/**
 * A preview of any size answers first after a bounded amount of work (issue 14): the worker posts
 * the counts of the file's first part, marked partial, then the whole file's. Counted, never
 * timed: the scanner's own count of the characters it examined (`scanWork`) when each answer is
 * posted, and the order of the answers.
 */
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
