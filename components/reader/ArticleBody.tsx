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

  return <div class="qari-content" ref={contentRef} />;
}
