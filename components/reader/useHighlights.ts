import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { HighlightClient } from '@/lib/highlights/client';
import type { Highlight, HighlightColor } from '@/lib/highlights/model';
import {
  clearMarks,
  MARK_CLASS,
  paintMarks,
  placeHighlights,
  type Placement,
} from '@/lib/highlights/paint';
import { selectorsOfRange } from '@/lib/highlights/selection';
import type { SelectionBox } from './SelectionToolbar';

const NOTHING: Placement = { placed: [], notFound: [] };
// A jumped-to highlight is outlined this long, so the eye finds it.
const FLASH_MS = 1600;
const FLASH_CLASS = 'qari-hl-flash';

export interface Selected {
  range: Range;
  box: SelectionBox;
}

/** The article's selection (inside the content element), or null. */
function selectedIn(root: HTMLElement | null): Selected | null {
  const sel = root?.ownerDocument.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const r = range.getBoundingClientRect();
  return {
    range: range.cloneRange(),
    box: { top: r.top, bottom: r.bottom, left: r.left, width: r.width },
  };
}

export interface HighlightsState {
  placement: Placement;
  list: Highlight[];
  selected: Selected | null;
  /** Highlight the current selection; the new highlight, or null (nothing selected, or failed). */
  add: (color: HighlightColor) => Promise<Highlight | null | 'none'>;
  update: (id: string, patch: { color?: HighlightColor; note?: string }) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
  jump: (id: string) => void;
}

/**
 * The article's highlights: loaded once, painted on the content element whenever it is filled
 * anew (`paintKey`) or the list changes, and the selection tracked for the selection toolbar.
 */
export function useHighlights(
  client: HighlightClient | undefined,
  contentRef: RefObject<HTMLElement>,
  paintKey: unknown,
): HighlightsState {
  const [list, setList] = useState<Highlight[]>([]);
  const [placement, setPlacement] = useState<Placement>(NOTHING);
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    client?.load().then(setList, () => undefined);
  }, [client]);

  useLayoutEffect(() => {
    const root = contentRef.current;
    if (!root) return;
    clearMarks(root);
    if (list.length === 0) return setPlacement(NOTHING);
    const p = placeHighlights(root, list);
    paintMarks(root, p.placed);
    setPlacement(p);
  }, [list, paintKey]);

  useEffect(() => {
    if (!client) return;
    const doc = contentRef.current?.ownerDocument ?? document;
    let frame = 0;
    const onChange = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelected(selectedIn(contentRef.current)));
    };
    doc.addEventListener('selectionchange', onChange);
    // A selection made before this listened (a quick drag while the reader was still starting).
    onChange();
    return () => {
      cancelAnimationFrame(frame);
      doc.removeEventListener('selectionchange', onChange);
    };
  }, [client]);

  const add = useCallback(
    async (color: HighlightColor): Promise<Highlight | null | 'none'> => {
      const root = contentRef.current;
      const now = selectedIn(root) ?? selected;
      const selectors = root && now && selectorsOfRange(root, now.range);
      if (!client || !selectors) return 'none';
      const h = await client.add(selectors, color).catch(() => null);
      if (!h) return null;
      root.ownerDocument.getSelection()?.removeAllRanges();
      setSelected(null);
      setList((l) => [...l, h]);
      return h;
    },
    [client, selected],
  );

  const update = useCallback(
    async (id: string, patch: { color?: HighlightColor; note?: string }): Promise<boolean> => {
      const h = await client?.update(id, patch).catch(() => null);
      if (h) setList((l) => l.map((x) => (x.id === id ? h : x)));
      return !!h;
    },
    [client],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      const ok = (await client?.remove(id).catch(() => false)) ?? false;
      if (ok) setList((l) => l.filter((x) => x.id !== id));
      return ok;
    },
    [client],
  );

  const jump = useCallback((id: string): void => {
    const marks = Array.from(
      contentRef.current?.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`) ?? [],
    ).filter((m) => m.dataset.hl === id);
    const first = marks[0];
    if (!first) return;
    first.scrollIntoView?.({ block: 'center' });
    for (const m of marks) m.classList.add(FLASH_CLASS);
    setTimeout(() => marks.forEach((m) => m.classList.remove(FLASH_CLASS)), FLASH_MS);
  }, []);

  return { placement, list, selected, add, update, remove, jump };
}
