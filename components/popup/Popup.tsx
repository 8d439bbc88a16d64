import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { importLabel } from '@/lib/import/labels';
import type { LibraryClient, ListRow } from '@/lib/popup/client';
import { errorKey } from '@/lib/popup/errors';
import { count } from '@/lib/popup/format';
import { listKeyAction } from '@/lib/popup/keys';
import { label, labelFor, type PopupLabelKey } from '@/lib/popup/labels';
import { countLabelKey } from '@/lib/popup/row-state';
import { stepIndex } from '@/lib/popup/virtual-window';
import { uiLang } from '@/lib/i18n';
import type { ListFilter } from '@/lib/store/articles';
import { EntryRow, type RowAction } from './EntryRow';
import { FilterBar } from './FilterBar';
import { ButtonSiteToggle, type ButtonSiteEnv } from './ButtonSiteToggle';
import { PageActions, type PageStatus } from './PageActions';
import type { SyncState } from '@/lib/sync/engine';
import { SyncStatus } from './SyncStatus';
import { tooShortToSearch } from '@/lib/popup/search-length';
import { Toast, type ToastState } from './Toast';
import { useDebounced, useRows } from './useRows';
import { VirtualList } from './VirtualList';

/** The browser around the popup, passed in so tests can stand in for it. */
export interface PopupEnv {
  client: LibraryClient;
  /** The tab the popup acts on (the active tab), if any. */
  targetTab: () => Promise<number | undefined>;
  /** Whether detection found an article in the tab; null when it has not reported. */
  isArticle: (tabId: number) => Promise<boolean | null>;
  /** Open reader mode in a tab; a `_locales` key says why not. */
  openReader: (tabId: number) => Promise<{ ok: true } | { ok: false; messageKey: string }>;
  openEntry: (id: number) => void;
  entryHref: (id: number) => string;
  openOptions: () => void;
  /** Close the popup (after handing over to reader mode). */
  close: () => void;
  /** The reading-list sync state (`sync:state`); the line is hidden without it. */
  syncState?: () => Promise<SyncState | null>;
  /** The page button on the tab's site (hidden there or not); the toggle is left out without it. */
  buttonSite?: ButtonSiteEnv['buttonSite'];
  setButtonHidden?: ButtonSiteEnv['setButtonHidden'];
}

const SEARCH_DEBOUNCE_MS = 80;
// Title and one line of facts, the actions beside them: six rows and more in the popup's height.
export const ROW_HEIGHT = 56;
const SEARCH_ROW_HEIGHT = 128;
const LIST_ID = 'qari-list';

/** The toolbar popup: the current page's actions, search and the reading list. */
export function Popup({ env }: { env: PopupEnv }) {
  const ui = useMemo(uiLang, []);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ListFilter>('all');
  const [sel, setSelState] = useState(-1);
  // Key presses can come faster than renders: handlers read the selection from here.
  const selRef = useRef(-1);
  const setSel = useCallback((index: number): void => {
    selRef.current = index;
    setSelState(index);
  }, []);
  const [focusRow, setFocusRow] = useState(false);
  const [toast, setToast] = useState<ToastState | null>(null);
  const [page, setPage] = useState<PageStatus>({ busy: false, text: null, error: false });
  const searchRef = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(query, SEARCH_DEBOUNCE_MS);
  const rows = useRows(env.client, debounced, filter);
  const searching = debounced.trim() !== '';
  const total = rows.list.total ?? 0;

  // The popup opens to search, as the browser's own bookmark and history popups do. Focused
  // before the first paint: the first rows come in the first render now (read while the view
  // loaded), and keys typed as soon as they show must reach the search box, not the page.
  useLayoutEffect(() => searchRef.current?.focus(), []);

  useEffect(() => {
    setSel(-1);
    setFocusRow(false);
  }, [rows.key]);

  useEffect(() => {
    if (sel >= total) setSel(total - 1);
  }, [total, sel]);

  const fail = (err: unknown): void =>
    setToast({ text: labelFor(errorKey(err), 'popupError'), error: true });

  const undo = (token: string) => async (): Promise<void> => {
    setToast(null);
    try {
      await env.client.undo(token);
      setToast({ text: label('popupRestored') });
      await rows.refresh();
    } catch (err) {
      fail(err);
    }
  };

  const act = async (action: RowAction, row: ListRow): Promise<void> => {
    const { entry } = row;
    try {
      if (action === 'open') return env.openEntry(entry.id);
      if (action === 'archive') await env.client.setStatus(entry.id, { archived: !entry.archived });
      if (action === 'favourite')
        await env.client.setStatus(entry.id, { favourite: !entry.favourite });
      if (action === 'delete') {
        const { undoToken } = await env.client.remove([entry.id]);
        setToast({
          text: label('popupDeleted'),
          actionLabel: label('popupUndo'),
          onAction: undo(undoToken),
        });
      }
      await rows.refresh();
    } catch (err) {
      fail(err);
    }
  };

  const withTab = async (run: (tabId: number) => Promise<void>): Promise<void> => {
    const tabId = await env.targetTab();
    if (tabId === undefined) setPage({ busy: false, text: label('saveNoPage'), error: true });
    else await run(tabId);
  };

  const openReader = () =>
    withTab(async (tabId) => {
      const res = await env.openReader(tabId);
      if (res.ok) env.close();
      else setPage({ busy: false, text: labelFor(res.messageKey, 'saveFailed'), error: true });
    });

  const save = (force = false) =>
    withTab(async (tabId) => {
      setPage({ busy: true, text: null, error: false });
      // Detection can be wrong, so a page that does not look like an article can still be saved.
      if (!force && (await env.isArticle(tabId).catch(() => null)) === false) {
        const action = { label: label('saveAnyway'), run: () => void save(true) };
        setPage({ busy: false, text: label('saveNotArticle'), error: true, action });
        return;
      }
      const res = await env.client.saveTab(tabId).catch((err: unknown) => ({
        ok: false as const,
        messageKey: errorKey(err),
      }));
      if (res.ok) {
        const key: PopupLabelKey = res.created ? 'saveDone' : 'saveUpdated';
        setPage({ busy: false, text: label(key), error: false });
        await rows.refresh();
      } else {
        setPage({ busy: false, text: labelFor(res.messageKey, 'saveFailed'), error: true });
      }
    });

  const moveTo = (index: number): void => {
    setSel(index);
    setFocusRow(true);
  };

  const onKey = useCallback(
    (e: KeyboardEvent): void => {
      const action = listKeyAction(e);
      if (!action) return;
      const inSearch = e.target === searchRef.current;
      const sel = selRef.current;
      const current = sel >= 0 ? rows.list.get(sel) : undefined;
      if (action === 'search') {
        searchRef.current?.focus();
        searchRef.current?.select();
        setFocusRow(false);
      } else if (action === 'next') {
        moveTo(inSearch || sel < 0 ? stepIndex(-1, 1, total) : stepIndex(sel, 1, total));
      } else if (action === 'prev') {
        if (inSearch) return;
        if (sel <= 0) {
          setFocusRow(false);
          searchRef.current?.focus();
        } else moveTo(stepIndex(sel, -1, total));
      } else if (action === 'first') moveTo(stepIndex(-1, 1, total));
      else if (action === 'last') moveTo(stepIndex(-1, -1, total));
      else if (action === 'open') {
        const target = current ?? (inSearch ? rows.list.get(0) : undefined);
        if (!target) return;
        void act('open', target);
      } else if (current) void act(action, current);
      else return;
      e.preventDefault();
    },
    [total, rows.list],
  );

  useEffect(() => {
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onKey]);

  const rowHeight = searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;
  const loaded = rows.list.total !== null;
  const emptyText = searching
    ? label(tooShortToSearch(debounced) ? 'popupSearchTooShort' : 'popupNoResults')
    : filter === 'all'
      ? label('popupEmpty')
      : label('popupEmptyFilter');

  return (
    <div
      class="qari-popup"
      lang={ui}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      data-query={searching ? debounced : ''}
      data-filter={filter}
      aria-busy={!loaded}
    >
      <PageActions status={page} onReader={() => void openReader()} onSave={() => void save()} />
      <div class="qari-search">
        <label class="qari-sr-only" for="qari-search">
          {label('popupSearch')}
        </label>
        <input
          id="qari-search"
          ref={searchRef}
          type="search"
          dir="auto"
          autocomplete="off"
          spellcheck={false}
          placeholder={label('popupSearch')}
          title={label('popupSearchHint')}
          aria-controls={LIST_ID}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onFocus={() => setFocusRow(false)}
        />
      </div>
      {!searching && <FilterBar value={filter} onChange={setFilter} listId={LIST_ID} />}
      {/* The per-site button switch shares the count's line: the list keeps its six rows. */}
      <div class="qari-countline">
        <p class="qari-count" aria-live="polite">
          {loaded && total > 0 && !rows.list.counting
            ? `${label(countLabelKey(filter, searching))}: ${count(total, ui)}`
            : ''}
        </p>
        {env.buttonSite && env.setButtonHidden && (
          <ButtonSiteToggle
            env={{
              targetTab: env.targetTab,
              buttonSite: env.buttonSite,
              setButtonHidden: env.setButtonHidden,
            }}
          />
        )}
      </div>
      {searching && rows.list.get(0)?.near && (
        <p class="qari-near" role="status">
          {label('popupNearResults', debounced.trim())}
        </p>
      )}
      {loaded && total === 0 ? (
        <p class="qari-empty">{emptyText}</p>
      ) : (
        <VirtualList
          id={LIST_ID}
          count={total}
          rowHeight={rowHeight}
          reveal={sel}
          resetKey={rows.key}
          onRange={rows.onRange}
          label={searching ? label('popupResults') : label('popupList')}
          renderRow={(i) => (
            <EntryRow
              key={i}
              index={i}
              total={total}
              row={rows.list.get(i)}
              height={rowHeight}
              selected={i === sel}
              focus={focusRow && i === sel}
              ui={ui}
              href={env.entryHref}
              onSelect={setSel}
              onAction={(a, r) => void act(a, r)}
            />
          )}
        />
      )}
      {env.syncState && <SyncStatus load={env.syncState} ui={ui} />}
      <footer class="qari-footer">
        <span class="qari-hint">{label('popupKeysHint')}</span>
        <button type="button" class="qari-link" onClick={env.openOptions}>
          {label('popupBackup')}
        </button>
        <a class="qari-link" href="/import.html" target="_blank" rel="noopener">
          {importLabel('popupImport')}
        </a>
      </footer>
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}
