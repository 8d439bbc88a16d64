/**
 * Starting an import parses the file in the import page's worker, never in the background
 * (issue 14): the background takes validated, size-capped batches of links, and no file.
 */
import { parseMessage } from '@/lib/messages';
import { MAX_LINK_BATCH, startImportFromPage } from '@/lib/import/start-file';
import { answerWorkerTask } from '@/lib/import/preview-file';
import type { ImportItem } from '@/lib/import/types';

const item = (i: number): ImportItem => ({
  url: `https://news.example/${i}`,
  title: `خبر ${i}`,
  savedAt: 1_700_000_000_000 + i,
  read: false,
  archived: i % 2 === 0,
  favourite: false,
  tags: ['سياسة'],
});

const links = (items: unknown) => parseMessage({ type: 'import:links', payload: { items } });

describe('the background’s side of an import start', () => {
  it('takes a batch of valid links', () => {
    expect(links([item(1), item(2)])).not.toBeNull();
  });

  it('refuses a batch over the cap, a link that is not on the web, or a malformed link', () => {
    expect(links(Array.from({ length: MAX_LINK_BATCH + 1 }, (_, i) => item(i)))).toBeNull();
    expect(links([{ ...item(1), url: 'javascript:alert(1)' }])).toBeNull();
    expect(links([{ ...item(1), savedAt: 'yesterday' }])).toBeNull();
    expect(links([{ ...item(1), extra: 1 }])).toBeNull();
    expect(links([{ ...item(1), tags: 'سياسة' }])).toBeNull();
    expect(links([{ ...item(1), title: 'x'.repeat(100_000) }])).toBeNull();
  });

  it('takes no file to parse', () => {
    const file = { fileName: 'bookmarks.html', text: '<!DOCTYPE NETSCAPE-Bookmark-file-1>' };
    expect(parseMessage({ type: 'import:start', payload: file })).toBeNull();
  });
});

/** A worker that runs the page worker's own code in this thread. */
function fakeWorker(): Worker {
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null,
    postMessage(data: unknown) {
      queueMicrotask(() =>
        answerWorkerTask(data, (answer) => w.onmessage?.({ data: answer } as MessageEvent)),
      );
    },
    terminate() {},
  };
  return w as unknown as Worker;
}

describe('the page’s side of an import start', () => {
  it('sends the parsed links in capped batches and sums the background’s reports', async () => {
    const count = MAX_LINK_BATCH * 2 + 7;
    const text =
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n' +
      Array.from(
        { length: count },
        (_, i) => `<DT><A HREF="https://news.example/${i}">خبر ${i}</A>\n`,
      ).join('') +
      '<DT><A HREF="javascript:alert(1)">سيئ</A>\n</DL><p>\n';
    const sent: number[] = [];
    const report = await startImportFromPage({ fileName: 'b.html', text }, fakeWorker, {
      backup: async () => ({ ok: true }),
      links: async (items) => {
        sent.push(items.length);
        return { ok: true, report: { added: items.length, merged: 0, queued: items.length } };
      },
    });
    expect(sent).toEqual([MAX_LINK_BATCH, MAX_LINK_BATCH, 7]);
    expect(report).toEqual({ added: count, merged: 0, queued: count, malformedCount: 1 });
  });
});
