import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

interface Props {
  /** Sanitized, reader-ready nodes (from `prepareContent`); inserted once. */
  fragment: DocumentFragment;
  contentRef: RefObject<HTMLDivElement>;
}

/**
 * The article's own HTML. Preact renders an empty container and the prepared nodes are moved
 * into it, so no HTML string is ever assigned to the page.
 */
export function ArticleBody({ fragment, contentRef }: Props) {
  useLayoutEffect(() => {
    contentRef.current?.replaceChildren(fragment);
  }, [fragment]);

  return <div class="qari-content" ref={contentRef} onErrorCapture={hideBrokenImage} />;
}

/**
 * An image that cannot load (offline, blocked, gone) would leave a box of its declared size and
 * its alt text in the middle of the text; collapse it instead, and its figure if it held only it.
 */
function hideBrokenImage(e: Event): void {
  const img = e.target;
  if (!(img instanceof HTMLImageElement)) return;
  img.classList.add('qari-broken');
  const figure = img.closest('figure');
  if (figure && !figure.querySelector('img:not(.qari-broken), video, iframe')) {
    figure.classList.add('qari-broken');
  }
}
