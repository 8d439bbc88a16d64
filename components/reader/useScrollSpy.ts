import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentSectionIndex, scrollProgress } from '@/lib/reader/scrollspy';

// Room between the sticky toolbar and the point where a heading counts as reached; larger than
// the headings' scroll-margin so a heading we jump to is current when the jump ends.
const ACTIVATION_MARGIN = 40;

export interface SpyState {
  /** Index into the headings; -1 above the first; null until the first measurement. */
  current: number | null;
  progress: number;
}

/**
 * Follows the window's scroll and reports the current section and the reading progress.
 * Positions are measured afresh on each (frame-throttled) scroll, resize and content resize,
 * so late images, font loading and settings changes never leave stale offsets.
 */
export function useScrollSpy(
  headings: RefObject<(HTMLElement | null)[]>,
  contentRef: RefObject<HTMLElement>,
  toolbarRef: RefObject<HTMLElement>,
  deps: unknown[],
): SpyState {
  const [state, setState] = useState<SpyState>({ current: null, progress: 0 });

  useEffect(() => {
    const root = contentRef.current;
    const win = root?.ownerDocument.defaultView;
    if (!root || !win) return;
    const doc = root.ownerDocument;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const scrollTop = win.scrollY;
      const scroll = {
        scrollTop,
        viewportHeight: win.innerHeight,
        scrollHeight: (doc.scrollingElement ?? doc.documentElement).scrollHeight,
        activationOffset: (toolbarRef.current?.offsetHeight ?? 0) + ACTIVATION_MARGIN,
      };
      const tops = (headings.current ?? []).map((h) =>
        h ? h.getBoundingClientRect().top + scrollTop : Number.POSITIVE_INFINITY,
      );
      const next = { current: currentSectionIndex(tops, scroll), progress: scrollProgress(scroll) };
      setState((s) => (s.current === next.current && s.progress === next.progress ? s : next));
    };
    const schedule = (): void => {
      if (!frame) frame = win.requestAnimationFrame(measure);
    };
    win.addEventListener('scroll', schedule, { passive: true });
    win.addEventListener('resize', schedule);
    const resize =
      typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(schedule) : null;
    resize?.observe(root);
    schedule();
    return () => {
      win.removeEventListener('scroll', schedule);
      win.removeEventListener('resize', schedule);
      resize?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
    // Callers pass what invalidates the positions (content, settings).
  }, deps);

  return state;
}
