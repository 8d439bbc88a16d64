import type { Range } from '@/lib/search/highlight';
import { markParts } from '@/lib/popup/marks';

/** Text with its matches in `<mark>`: built as elements, never parsed as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return (
    <>{markParts(text, ranges).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>
  );
}
