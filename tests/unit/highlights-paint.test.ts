/**
 * Highlights painted on the article: placed by their selectors in the article element's text,
 * painted as <mark> elements made with createElement (never HTML from a note or a page), and
 * those that cannot be placed listed apart, not lost.
 */
import { describeText } from '@/lib/highlights/anchor';
import { textOfRoot } from '@/lib/highlights/dom-text';
import type { Highlight } from '@/lib/highlights/model';
import { clearMarks, paintMarks, placeHighlights } from '@/lib/highlights/paint';

function article(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

function hl(root: HTMLElement, phrase: string, note = '', id = 'aaaaaaaa'): Highlight {
  const { text } = textOfRoot(root);
  const s = text.indexOf(phrase);
  return {
    id,
    ...describeText(text, s, s + phrase.length),
    color: 'green',
    note,
    createdAt: 1,
    updatedAt: 1,
  };
}

afterEach(() => document.body.replaceChildren());

describe('placeHighlights and paintMarks', () => {
  it('paints each highlight over its words across formatting, the text unchanged', () => {
    const root = article(
      '<p>قال <b>المتحدث</b> إن المحادثات</p><ul>\n<li>بند أول</li>\n<li>بند ثان</li>\n</ul>',
    );
    const before = root.textContent;
    const html = root.innerHTML;
    const a = hl(root, 'تحدث إن', '<img src=x onerror=alert(1)>', 'aaaaaaaa');
    const b = hl(root, 'أول\nبند', '', 'bbbbbbbb');
    const { placed, notFound } = placeHighlights(root, [a, b]);
    expect(notFound).toEqual([]);
    paintMarks(root, placed);
    expect(root.textContent).toBe(before);
    const marks = Array.from(root.querySelectorAll('mark'));
    expect(
      marks
        .filter((m) => m.dataset.hl === 'aaaaaaaa')
        .map((m) => m.textContent)
        .join(''),
    ).toBe('تحدث إن');
    expect(
      marks
        .filter((m) => m.dataset.hl === 'bbbbbbbb')
        .map((m) => m.textContent)
        .join(''),
    ).toBe('أولبند');
    // No mark sits directly in a list between its items.
    expect(root.querySelector('ul > mark')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(marks.every((m) => m.className === 'qari-hl qari-hl-green')).toBe(true);
    clearMarks(root);
    expect(root.innerHTML).toBe(html);
  });

  it('lists a highlight whose words are gone as not found and paints the rest', () => {
    const root = article(
      '<p>الفقرة الأولى عن الاقتصاد والأسواق.</p><p>الفقرة الثانية عن الأسعار.</p>',
    );
    const gone = hl(root, 'الفقرة الأولى', '', 'cccccccc');
    const kept = hl(root, 'عن الأسعار', '', 'dddddddd');
    root.firstElementChild!.remove();
    const { placed, notFound } = placeHighlights(root, [gone, kept]);
    expect(notFound).toEqual([gone]);
    expect(placed.map((p) => p.highlight)).toEqual([kept]);
  });
});
