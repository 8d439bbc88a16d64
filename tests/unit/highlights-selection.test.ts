/**
 * A reader's selection turned into a highlight's selectors: clipped to the article, without the
 * whitespace a double click or a drag takes along at its ends; nothing for an empty selection or
 * one outside the article.
 */
import { selectorsOfRange } from '@/lib/highlights/selection';

function page(): { root: HTMLElement; header: HTMLElement } {
  document.body.innerHTML =
    '<header><h1>عنوان</h1></header><article><p>قال <b>المتحدث</b> إن المحادثات</p><p>فقرة ثانية</p></article>';
  return { root: document.querySelector('article')!, header: document.querySelector('header')! };
}

afterEach(() => document.body.replaceChildren());

describe('selectorsOfRange', () => {
  it('takes a selection across formatting, without the whitespace at its ends', () => {
    const { root } = page();
    const r = document.createRange();
    r.setStart(root.querySelector('p')!.firstChild!, 2); // inside «قال »
    r.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 0);
    const sel = selectorsOfRange(root, r)!;
    expect(sel.quote.exact).toBe('ل المتحدث إن المحادثات');
    expect(sel.quote.prefix).toBe('قا');
    expect(sel.position.end - sel.position.start).toBe(sel.quote.exact.length);
  });

  it('clips a selection that starts in the page header to the article', () => {
    const { root, header } = page();
    const r = document.createRange();
    r.setStart(header.querySelector('h1')!.firstChild!, 1);
    r.setEnd(root.querySelector('b')!.firstChild!, 3);
    expect(selectorsOfRange(root, r)!.quote.exact).toBe('قال الم');
  });

  it('gives nothing for a collapsed selection, only whitespace, or one outside the article', () => {
    const { root, header } = page();
    const r = document.createRange();
    r.setStart(root.querySelector('b')!.firstChild!, 2);
    expect(selectorsOfRange(root, r)).toBeNull();
    const out = document.createRange();
    out.selectNodeContents(header);
    expect(selectorsOfRange(root, out)).toBeNull();
    const space = document.createRange();
    const first = root.querySelector('p')!.firstChild!;
    space.setStart(first, 3);
    space.setEnd(first, 4);
    expect(selectorsOfRange(root, space)).toBeNull();
  });
});
