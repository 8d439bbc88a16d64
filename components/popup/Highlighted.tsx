import type { Range } from '@/lib/search/highlight';
import { markParts } from '@/lib/popup/marks';
import { displayText } from '@/lib/text/display';

/**
 * Page text with its matches in `<mark>`: built as elements, never parsed as HTML. Each part is
 * shown without bidi controls or zero-width characters (`displayText`), cut at the ranges found
 * in the stored text, so the marks stay on their words.
 */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] }) {
  if (!ranges || ranges.length === 0) return <>{displayText(text)}</>;
  return (
    <>
      {markParts(text, ranges).map((p, i) =>
        p.mark ? <mark key={i}>{displayText(p.text)}</mark> : displayText(p.text),
      )}
    </>
  );
}
