import { useLayoutEffect, useRef } from 'preact/hooks';
import { failureKey } from '@/lib/import/failure';
import { importLabelFor } from '@/lib/import/labels';
import type { ListRow } from '@/lib/popup/client';
import { percent, savedDate } from '@/lib/popup/format';
import { label } from '@/lib/popup/labels';
import { rowState, STATE_LABEL } from '@/lib/popup/row-state';
import type { UiLang } from '@/lib/i18n';
import { readingTimePhrase } from '@/lib/reader/reading-time';
import { sourceOf } from '@/lib/text/display';
import { Highlighted } from './Highlighted';
import { PopupIcon } from './icons';

export type RowAction = 'open' | 'archive' | 'favourite' | 'delete';

interface Props {
  index: number;
  total: number;
  row: ListRow | undefined;
  height: number;
  selected: boolean;
  /** Move keyboard focus to this row (it was reached with the arrow keys). */
  focus: boolean;
  ui: UiLang;
  /** Where `open` goes, for the title link (middle click, copy link). */
  href: (id: number) => string;
  onSelect: (index: number) => void;
  onAction: (action: RowAction, row: ListRow) => void;
}

/** The host first: the site name is whatever the page claims (another outlet's, say). */
function SourceLine({ source }: { source: ReturnType<typeof sourceOf> }) {
  return (
    <span>
      <bdi>{source.host}</bdi>
      {source.name && (
        <>
          {' · '}
          <bdi>{source.name}</bdi>
        </>
      )}
    </span>
  );
}

function StateLine({ row, ui }: { row: ListRow; ui: UiLang }) {
  const { entry } = row;
  const a = entry.article;
  const s = rowState(entry);
  const text =
    s.progress !== null
      ? label(STATE_LABEL[s.state], percent(s.progress, ui))
      : label(STATE_LABEL[s.state]);
  // The fixed-width facts first and the site last: a long site name is what gets cut.
  return (
    <p class="qari-row-meta">
      <span class={`qari-state qari-state-${s.state}`}>{text}</span>
      <span>{readingTimePhrase(a.readingMinutes, ui)}</span>
      <span>{savedDate(entry.savedAt, ui)}</span>
      {entry.highlightCount && (
        <span class="qari-badge qari-hl-mark" data-count={entry.highlightCount}>
          {label('popupHighlightsMark')}
        </span>
      )}
      {!entry.hasBody && !entry.importFailure && (
        <span class="qari-badge">{label('popupStateOffline')}</span>
      )}
      {entry.importFailure && (
        <span class="qari-badge qari-import-failure" data-reason={entry.importFailure}>
          {importLabelFor(failureKey(entry.importFailure), 'importFailure_error')}
        </span>
      )}
      <SourceLine source={sourceOf(a)} />
    </p>
  );
}

/** One saved article in the popup list: title, facts, snippet, and its actions. */
export function EntryRow(p: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (p.focus && el && el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
  }, [p.focus, p.row !== undefined]);
  const style = { blockSize: `${p.height}px` };
  const pos = { 'aria-posinset': p.index + 1, 'aria-setsize': p.total };
  if (!p.row) {
    return (
      <div
        ref={ref}
        role="listitem"
        class="qari-row qari-row-loading"
        style={style}
        tabIndex={p.selected ? 0 : -1}
        data-index={p.index}
        {...pos}
      >
        <span class="qari-sr-only">{label('popupLoading')}</span>
      </div>
    );
  }
  const row = p.row;
  const { entry } = row;
  const title = entry.article.title || entry.article.url;
  const state = rowState(entry).state;
  const act = (action: RowAction) => (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
    p.onAction(action, row);
  };
  return (
    <div
      ref={ref}
      role="listitem"
      class="qari-row"
      style={style}
      tabIndex={p.selected ? 0 : -1}
      aria-current={p.selected ? 'true' : undefined}
      data-index={p.index}
      data-entry-id={entry.id}
      data-read={state === 'unread' || state === 'progress' ? 'false' : 'true'}
      data-state={state}
      {...pos}
      onFocusIn={() => p.onSelect(p.index)}
      onClick={() => p.onSelect(p.index)}
    >
      <a
        class="qari-row-title"
        href={p.href(entry.id)}
        dir="auto"
        tabIndex={-1}
        onClick={act('open')}
      >
        {state === 'unread' && <span class="qari-dot" aria-hidden="true" />}
        {entry.favourite && (
          <span class="qari-fav-mark" title={label('popupStateFavourite')}>
            <PopupIcon name="star" filled />
            <span class="qari-sr-only">{label('popupStateFavourite')}</span>
          </span>
        )}
        <Highlighted text={title} ranges={row.titleRanges} />
      </a>
      <StateLine row={row} ui={p.ui} />
      {row.snippet && (
        <p class="qari-row-snippet" dir="auto">
          {row.inNote && <span class="qari-in-note">{label('popupInNote')} </span>}
          <Highlighted text={row.snippet.text} ranges={row.snippet.ranges} />
        </p>
      )}
      <div class="qari-row-actions">
        <button
          type="button"
          class="qari-icon-button"
          aria-label={entry.archived ? label('popupUnarchive') : label('popupArchive')}
          title={entry.archived ? label('popupUnarchive') : label('popupArchive')}
          onClick={act('archive')}
        >
          <PopupIcon name={entry.archived ? 'unarchive' : 'archive'} />
        </button>
        <button
          type="button"
          class="qari-icon-button"
          aria-label={label('popupFavourite')}
          aria-pressed={entry.favourite}
          title={entry.favourite ? label('popupUnfavourite') : label('popupFavourite')}
          onClick={act('favourite')}
        >
          <PopupIcon name="star" filled={entry.favourite} />
        </button>
        <button
          type="button"
          class="qari-icon-button"
          aria-label={label('popupDelete')}
          title={label('popupDelete')}
          onClick={act('delete')}
        >
          <PopupIcon name="trash" />
        </button>
      </div>
    </div>
  );
}
