import type { UiLang } from '@/lib/i18n';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/highlights/model';
import type { Labels } from '@/lib/reader/labels';
import { Icon } from './icons';

/** Where the selection is on screen (viewport coordinates). */
export interface SelectionBox {
  top: number;
  bottom: number;
  left: number;
  width: number;
}

interface Props {
  box: SelectionBox;
  labels: Labels;
  ui: UiLang;
  onColor: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
}

export const COLOR_LABEL = {
  yellow: 'readerHlYellow',
  green: 'readerHlGreen',
  blue: 'readerHlBlue',
  pink: 'readerHlPink',
} as const satisfies Record<HighlightColor, keyof Labels>;

// The bar's height and a gap: above the selection when there is room, else under it.
const BAR_ROOM = 52;
const EDGE = 8;

/** Pressing a button must not take the selection away before its action reads it. */
const keepSelection = (e: Event): void => e.preventDefault();

/** The small bar over a selection in the article: highlight in a colour, add a note, copy. */
export function SelectionToolbar({ box, labels, ui, onColor, onNote, onCopy }: Props) {
  const above = box.top > BAR_ROOM + EDGE;
  const style = {
    top: `${above ? box.top - BAR_ROOM : box.bottom + EDGE}px`,
    left: `${Math.max(EDGE, box.left + box.width / 2)}px`,
  };
  return (
    <div
      class="qari-selbar"
      role="toolbar"
      aria-label={labels.readerHlToolbar}
      lang={ui}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      style={style}
      onMouseDown={keepSelection}
    >
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class={`qari-selbar-color qari-hl-${c}`}
          data-color={c}
          title={labels[COLOR_LABEL[c]]}
          aria-label={labels[COLOR_LABEL[c]]}
          onClick={() => onColor(c)}
        />
      ))}
      <button type="button" class="qari-button" title={labels.readerHlNote} onClick={onNote}>
        <Icon name="note" />
        <span class="qari-sr-only">{labels.readerHlNote}</span>
      </button>
      <button type="button" class="qari-button" title={labels.readerHlCopy} onClick={onCopy}>
        <Icon name="copy" />
        <span class="qari-sr-only">{labels.readerHlCopy}</span>
      </button>
    </div>
  );
}
