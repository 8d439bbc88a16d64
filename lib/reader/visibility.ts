/**
 * Whether the reader is really visible to the reader, as the browser last said (IntersectionObserver
 * v2): not faded, filtered or transformed by the page that frames it, nor covered by anything.
 * The reader's actions that change the reading list wait for it, so a page cannot make the
 * overlay invisible and have a click on its decoy land on "save". Where the browser has no
 * visibility tracking (Firefox), being on screen is what it says.
 */
// 100 ms is the smallest delay the browser allows between two reports.
const OPTIONS = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

export function trackVisibility(target: Element, win: Window): () => boolean {
  let visible = false;
  const { IntersectionObserver } = win as Window & typeof globalThis;
  new IntersectionObserver((entries) => {
    const last = entries.at(-1) as VisibilityEntry | undefined;
    if (last) visible = last.isVisible ?? last.isIntersecting;
  }, OPTIONS).observe(target);
  return () => visible;
}
