/**
 * Whether the reader is really visible to the reader, as the browser last said (IntersectionObserver
 * v2): not faded, filtered or transformed by the page that frames it, nor covered by anything.
 * The reader's actions that change the reading list wait for it, so a page cannot make the
 * overlay invisible and have a click on its decoy land on "save". Where the browser has no
 * visibility tracking (Firefox), being on screen is what it says, and the tab's check of the top
 * layer (`seenCheck`) is what holds.
 */
// 100 ms is the smallest delay the browser allows between two reports.
const OPTIONS = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * Whether an action of the overlay's reader page may change the reading list: the browser's own
 * report (where it has one) and the tab's top-layer check (lib/page/top-layer.ts), both asked
 * each time, so that a refusal raises the overlay again on top of the page's.
 */
export function seenCheck(
  visible: () => boolean,
  tabSays: () => Promise<boolean>,
): () => Promise<boolean> {
  return async () => (await tabSays()) && visible();
}

export function trackVisibility(target: Element, win: Window): () => boolean {
  let visible = false;
  const { IntersectionObserver } = win as Window & typeof globalThis;
  new IntersectionObserver((entries) => {
    const last = entries.at(-1) as VisibilityEntry | undefined;
    if (last) visible = last.isVisible ?? last.isIntersecting;
  }, OPTIONS).observe(target);
  return () => visible;
}
