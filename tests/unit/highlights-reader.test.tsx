/**
 * Highlights in the reader view, through the real client, the real message guards and the
 * background's real handlers on a fresh database: H highlights the selection and paints it; a
 * note with markup, bidi controls or a megabyte of text is kept and shown as text, capped; a
 * highlight whose words left the text is listed as not found, never lost.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderView } from '@/components/reader/ReaderView';
import { highlightHandlers } from '@/lib/background/highlights';
import { describeText } from '@/lib/highlights/anchor';
import { highlightClient, type Ask } from '@/lib/highlights/client';
import { HIGHLIGHT_LIMITS } from '@/lib/highlights/model';
import { parseMessage } from '@/lib/messages';
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { addHighlight, getHighlights } from '@/lib/store/highlights';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';
import { settle } from './preact-root';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

patchHappyDomForDOMPurify(window);

const TEXT =
  'قال المتحدث إن المحادثات ستستمر غدًا في القاهرة. وأضاف أن الوفدين اتفقا على جدول الأعمال.';
const ARTICLE = makeArticle({
  text: TEXT,
  content:
    '<p>قال المتحدث <b>إن المحادثات</b> ستستمر غدًا في القاهرة.</p><p>وأضاف أن الوفدين اتفقا على جدول الأعمال.</p>',
});
const HOSTILE = '<img src=x onerror="window.__pwned=1"> \u202eمعكوس\u202c <b>عريض</b>';

let db: QariDb;
let root: HTMLDivElement;
let entryId: number;

/** Messages as the background takes them: the guard first, then its handler. */
function askVia(handlers: ReturnType<typeof highlightHandlers>): Ask {
  return (async (type: string, payload: unknown) => {
    const m = parseMessage({ type, payload });
    if (!m) throw new Error(`refused ${type}`);
    return (handlers as Record<string, (p: unknown) => unknown>)[type]!(payload);
  }) as Ask;
}

async function mount(): Promise<HTMLDivElement> {
  const client = highlightClient(askVia(highlightHandlers(db)), {
    find: async () => ({ id: entryId, highlights: await getHighlights(db, entryId) }),
    save: async () => entryId,
  });
  await act(async () => {
    render(<ReaderView article={ARTICLE} mode="saved" highlights={client} />, root);
  });
  await settle();
  return root;
}

function content(): HTMLElement {
  return root.querySelector<HTMLElement>('.qari-content')!;
}

function select(phrase: string): void {
  const walker = document.createTreeWalker(content(), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + phrase.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return;
  }
  throw new Error(`no text node holds ${phrase}`);
}

async function press(code: string, key: string): Promise<void> {
  await act(async () => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true }));
  });
  await settle();
}

/** Settle until `get` gives something: a database write takes a varying number of turns. */
async function until<T>(
  get: () => T | null | undefined | Promise<T | null | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await get();
    if (v) return v;
    await settle();
  }
  throw new Error(`never came: ${what}`);
}

async function typeNote(area: HTMLTextAreaElement, note: string): Promise<void> {
  await act(async () => {
    area.value = note;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    area.dispatchEvent(new FocusEvent('blur'));
  });
  await settle();
}

beforeEach(async () => {
  fakeBrowser.reset();
  history.replaceState(null, '', 'http://localhost:3000/saved.html?id=1');
  db = freshDb();
  entryId = (await saveArticle(db, ARTICLE)).entry.id;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  act(() => render(null, root));
  root.remove();
  await dropDb(db);
  delete (window as { __pwned?: number }).__pwned;
});

describe('highlights in the reader view', () => {
  it('H highlights the selected words and paints them, through the background', async () => {
    await mount();
    select('ستستمر غدًا');
    await press('KeyH', 'h');
    await until(() => content().querySelector('mark.qari-hl'), 'the painted highlight');
    const stored = await getHighlights(db, entryId);
    expect(stored.map((h) => h.quote.exact)).toEqual(['ستستمر غدًا']);
    const marks = Array.from(content().querySelectorAll('mark.qari-hl'));
    expect(marks.map((m) => m.textContent).join('')).toBe('ستستمر غدًا');
    expect(root.querySelector('#qari-highlights-toggle .qari-count')!.textContent).toBe('١');
  });

  it('keeps a note with markup and bidi controls as text, and caps a megabyte note', async () => {
    await mount();
    select('الوفدين اتفقا');
    await press('KeyH', 'h');
    const area = await until(
      () => root.querySelector<HTMLTextAreaElement>('#qari-highlights textarea'),
      'the highlight in the panel',
    );
    await typeNote(area, HOSTILE);
    await until(
      async () => (await getHighlights(db, entryId))[0]!.note === HOSTILE,
      'the note stored',
    );
    const panel = root.querySelector('#qari-highlights')!;
    expect(panel.querySelector('img, b')).toBeNull();
    expect(area.value).toBe(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();

    await typeNote(area, 'ملاحظة '.repeat(150_000));
    const note = await until(async () => {
      const n = (await getHighlights(db, entryId))[0]!.note;
      return n !== HOSTILE ? n : null;
    }, 'the long note stored');
    expect(note.length).toBe(HIGHLIGHT_LIMITS.note);
  });

  it('recolours a highlight from the panel: stored, and painted in the new colour', async () => {
    await mount();
    select('جدول الأعمال');
    await press('KeyH', 'h');
    const pink = await until(
      () =>
        root.querySelector<HTMLButtonElement>(
          '#qari-highlights li button[aria-label="ظلّل بالوردي"]',
        ),
      'the highlight in the panel',
    );
    await act(async () => pink.click());
    const mark = await until(() => content().querySelector('mark.qari-hl-pink'), 'the pink mark');
    expect(mark.textContent).toBe('جدول الأعمال');
    expect((await getHighlights(db, entryId))[0]!.color).toBe('pink');
    expect(content().querySelector('mark.qari-hl-yellow')).toBeNull();
  });

  it('copies the selected quote with its source from the selection bar', async () => {
    await mount();
    select('في القاهرة');
    const bar = await until(
      () => root.querySelector<HTMLElement>('[role="toolbar"].qari-selbar'),
      'the selection bar',
    );
    const copy = bar.querySelector<HTMLButtonElement>('button[title="انسخ الاقتباس"]')!;
    await act(async () => copy.click());
    const copied = await until(() => navigator.clipboard.readText(), 'the clipboard text');
    expect(copied).toBe(`«\u2068في القاهرة\u2069»\n— ${ARTICLE.title}\n${ARTICLE.url}`);
    expect(await getHighlights(db, entryId)).toEqual([]);
  });

  it('lists a highlight whose words are gone as not found, and keeps it', async () => {
    const other = 'نص لم يعد في المقال بعد إعادة الاستخراج';
    await addHighlight(db, entryId, {
      selectors: describeText(other, 0, other.length),
      color: 'pink',
      note: 'باقية',
    });
    await mount();
    const missing = await until(
      () => root.querySelector('#qari-highlights .qari-hl-missing'),
      'the not-found list',
    );
    expect(missing.querySelector('h3')!.textContent).toBe('غير موجود في النص الحالي');
    expect(missing.querySelector('blockquote')!.textContent).toBe(other);
    expect(content().querySelector('mark')).toBeNull();
    expect(await getHighlights(db, entryId)).toHaveLength(1);
  });

  it('says to select first when H is pressed with nothing selected', async () => {
    await mount();
    document.getSelection()!.removeAllRanges();
    await press('KeyH', 'h');
    expect(root.querySelector('.qari-key-hint')!.textContent).toContain('حدّد نصًا');
    expect(await getHighlights(db, entryId)).toEqual([]);
  });
});
