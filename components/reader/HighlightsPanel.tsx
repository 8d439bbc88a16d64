import { useEffect, useRef, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';
import {
  HIGHLIGHT_COLORS,
  HIGHLIGHT_LIMITS,
  type Highlight,
  type HighlightColor,
} from '@/lib/highlights/model';
import { COLOR_LABEL } from './SelectionToolbar';
import type { Labels } from '@/lib/reader/labels';

interface Props {
  labels: Labels;
  ui: UiLang;
  open: boolean;
  /** Highlights placed in the text, in reading order. */
  placed: readonly Highlight[];
  /** Highlights whose words are no longer in the text: kept, listed apart. */
  notFound: readonly Highlight[];
  /** The highlight whose note to edit first (just made with "add a note", or clicked). */
  focusId: string | null;
  onJump: (id: string) => void;
  onNote: (id: string, note: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onRemove: (id: string) => void;
  onCopyMarkdown: () => void;
  onDownloadMarkdown: () => void;
}

// A long quote is shown cut in the list; the whole of it is in the article and the export.
const QUOTE_SHOWN = 280;
const shortQuote = (s: string): string =>
  s.length > QUOTE_SHOWN ? `${s.slice(0, QUOTE_SHOWN)}…` : s;

function Item(p: {
  h: Highlight;
  labels: Labels;
  found: boolean;
  focus: boolean;
  onJump: (id: string) => void;
  onNote: (id: string, note: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onRemove: (id: string) => void;
}) {
  const { h, labels } = p;
  const [draft, setDraft] = useState(h.note);
  useEffect(() => setDraft(h.note), [h.note]);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (p.focus) area.current?.focus({ preventScroll: true });
  }, [p.focus]);
  const noteId = `qari-hl-note-${h.id}`;
  const save = (): void => {
    if (draft !== h.note) p.onNote(h.id, draft);
  };
  return (
    <li class={`qari-hl-item qari-hl-item-${h.color}`} data-hl={h.id}>
      {/* Text only: a quote or note is never markup, whatever characters it holds. */}
      <blockquote dir="auto">{shortQuote(h.quote.exact)}</blockquote>
      <label for={noteId} class="qari-sr-only">
        {labels.readerHlNoteLabel}
      </label>
      <textarea
        id={noteId}
        dir="auto"
        rows={2}
        maxLength={HIGHLIGHT_LIMITS.note}
        placeholder={labels.readerHlNoteLabel}
        value={draft}
        ref={area}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        onBlur={save}
      />
      <div class="qari-hl-actions">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            class={`qari-selbar-color qari-hl-${c}`}
            aria-pressed={c === h.color ? 'true' : 'false'}
            title={labels[COLOR_LABEL[c]]}
            aria-label={labels[COLOR_LABEL[c]]}
            onClick={() => c !== h.color && p.onColor(h.id, c)}
          />
        ))}
        {draft !== h.note && (
          <button type="button" class="qari-button" onClick={save}>
            {labels.readerHlNoteSave}
          </button>
        )}
        {p.found && (
          <button type="button" class="qari-button" onClick={() => p.onJump(h.id)}>
            {labels.readerHlJump}
          </button>
        )}
        <button type="button" class="qari-button" onClick={() => p.onRemove(h.id)}>
          {labels.readerHlRemove}
        </button>
      </div>
    </li>
  );
}

/** The article's highlights and notes in reading order; those not placed, listed apart. */
export function HighlightsPanel(p: Props) {
  const { labels } = p;
  const item = (found: boolean) => (h: Highlight) => (
    <Item
      key={h.id}
      h={h}
      labels={labels}
      found={found}
      focus={p.open && p.focusId === h.id}
      onJump={p.onJump}
      onNote={p.onNote}
      onColor={p.onColor}
      onRemove={p.onRemove}
    />
  );
  const none = p.placed.length === 0 && p.notFound.length === 0;
  return (
    <div
      id="qari-highlights"
      class="qari-popover qari-highlights"
      role="region"
      aria-label={labels.readerHighlights}
      dir={p.ui === 'ar' ? 'rtl' : 'ltr'}
      hidden={!p.open}
    >
      <h2>{labels.readerHighlights}</h2>
      {none && <p>{labels.readerHlEmpty}</p>}
      {p.placed.length > 0 && <ol class="qari-hl-list">{p.placed.map(item(true))}</ol>}
      {p.notFound.length > 0 && (
        <section class="qari-hl-missing">
          <h3>{labels.readerHlNotFound}</h3>
          <ul class="qari-hl-list">{p.notFound.map(item(false))}</ul>
        </section>
      )}
      {!none && (
        <div class="qari-hl-export">
          <button type="button" class="qari-button" onClick={p.onCopyMarkdown}>
            {labels.readerHlCopyMd}
          </button>
          <button type="button" class="qari-button" onClick={p.onDownloadMarkdown}>
            {labels.readerHlDownloadMd}
          </button>
        </div>
      )}
    </div>
  );
}
