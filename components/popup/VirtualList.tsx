import type { ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToReveal, visibleWindow } from '@/lib/popup/virtual-window';

interface Props {
  count: number;
  /** Every row is this tall (px); the list depends on it to know what is on screen. */
  rowHeight: number;
  /** Render row `index`; it must be exactly `rowHeight` tall. */
  renderRow: (index: number) => ComponentChild;
  /** A row to keep in view (the selected one), or -1. */
  reveal: number;
  /** Told which rows are rendered, so their data can be loaded. */
  onRange?: (start: number, end: number) => void;
  label: string;
  id?: string;
  /** Changing it (another filter or query) scrolls back to the top. */
  resetKey?: string;
  /** The viewport height before it can be measured (and in tests, where nothing has layout). */
  fallbackHeight?: number;
  overscan?: number;
}

const FALLBACK_HEIGHT = 420;

/** A scrolling list that renders only the rows on screen (fixed row height). */
export function VirtualList(p: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(p.fallbackHeight ?? FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const win = visibleWindow({
    scrollTop,
    viewportHeight: height,
    rowHeight: p.rowHeight,
    count: p.count,
    overscan: p.overscan,
  });

  useEffect(() => {
    p.onRange?.(win.start, win.end);
  }, [win.start, win.end, p.onRange]);

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [p.resetKey]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || p.reveal < 0) return;
    const next = scrollToReveal(p.reveal, el.scrollTop, height, p.rowHeight);
    if (next !== el.scrollTop) el.scrollTop = next;
    setScrollTop(next);
  }, [p.reveal, height, p.rowHeight]);

  const rows: ComponentChild[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(p.renderRow(i));

  return (
    <div
      ref={ref}
      class="qari-vlist"
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="qari-vlist-space" style={{ blockSize: `${win.totalHeight}px` }}>
        <div
          id={p.id}
          role="list"
          aria-label={p.label}
          class="qari-vlist-rows"
          style={{ transform: `translateY(${win.offsetTop}px)` }}
        >
          {rows}
        </div>
      </div>
    </div>
  );
}
