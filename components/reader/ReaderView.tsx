import type { JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReaderSettings } from '@/lib/reader/settings';
import type { Article } from '@/lib/article';
import { uiLang } from '@/lib/i18n';
import { displayLine } from '@/lib/text/display';
import { keyAction } from '@/lib/reader/keys';
import { contentLabels, readerLabels } from '@/lib/reader/labels';
import { parseReaderLocation, withSection } from '@/lib/reader/location';
import { prepareContent } from '@/lib/reader/render-content';
import { adjacentSection } from '@/lib/reader/scrollspy';
import { locateSections } from '@/lib/reader/sections';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { KeyHelp } from './KeyHelp';
import { KeyHint, useKeyHint } from './KeyHint';
import { ProgressBar } from './ProgressBar';
import { SettingsPanel } from './SettingsPanel';
import { Toc } from './Toc';
import { Toolbar, type Popover, type ToolbarAction } from './Toolbar';
import { EndOfArticle, type EndAction } from './EndOfArticle';
import {
  ACTION_LABEL,
  endActions,
  savedToolbarActions,
  type EntryActionId,
  type EntryStatus,
} from '@/lib/reader/entry-actions';
import type { IconName } from './icons';
import { useNarrow } from './useNarrow';
import { useProgressReport } from './useProgressReport';
import { useReaderSettings } from './useReaderSettings';
import { useScrollSpy } from './useScrollSpy';
import { HighlightsPanel } from './HighlightsPanel';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlights } from './useHighlights';
import type { HighlightClient } from '@/lib/highlights/client';
import { copyText, quoteWithSource } from '@/lib/highlights/copy';
import { articleMarkdown } from '@/lib/highlights/markdown';
import type { HighlightColor } from '@/lib/highlights/model';
import { MARK_CLASS } from '@/lib/highlights/paint';
import { selectorsOfRange } from '@/lib/highlights/selection';
import { downloadFile } from '@/lib/download';

export interface ReaderViewProps {
  article: Article;
  /** `overlay`: over the article's tab; `saved`: a saved article in its own tab. */
  mode: 'overlay' | 'saved';
  onClose?: () => void;
  /** Where to start, 0–1, when the address names no section (a saved article's last position). */
  initialProgress?: number;
  /** The reading position, reported at most once a second and when the view goes away. */
  onProgress?: (fraction: number) => void;
  /** Save the article shown; resolves true once it is in the reading list. */
  onSave?: () => Promise<boolean>;
  /** Whether the article shown is already in the reading list. */
  isSaved?: () => Promise<boolean>;
  /**
   * The stored settings, read while the article was on its way: the first paint is then in the
   * reader's own theme and size (no flash of the defaults, no second layout of the article).
   */
  initialSettings?: ReaderSettings;
  /** The overlay: save the article (if need be) and archive it; resolves true once done. */
  onArchive?: () => Promise<boolean>;
  /** A saved article's page: its status, and what its buttons do. */
  entry?: { status: EntryStatus; onAction: (id: EntryActionId) => void };
  /** A stored copy's address for one of the article's images (a saved article offline). */
  imageSource?: (src: string) => string | null;
  /** A plain line under the header (a saved article whose photos are not all kept offline). */
  notice?: string;
  /** The article's highlights and notes, read and written through the background. */
  highlights?: HighlightClient;
  /** When the article was saved (for the Markdown export; now, for one not saved yet). */
  savedAt?: number;
}

const ACTION_ICON: Partial<Record<EntryActionId, IconName>> = {
  archive: 'archive',
  unarchive: 'unarchive',
  favourite: 'star',
  unfavourite: 'star',
  'mark-read': 'read',
  'mark-unread': 'unread',
  delete: 'trash',
  'back-to-list': 'list',
};

/** A section needs a table of contents only if there is somewhere else to go. */
const MIN_SECTIONS = 2;
// A smooth jump takes a moment to register as the current section; a second key press in that
// moment continues from where the first one is going, not from where the page still is.
const PENDING_JUMP_MS = 1000;
const NUMBER_LOCALE = { ar: 'ar-u-nu-arab', en: 'en' } as const;

const WIDTH_MEASURE = { narrow: '32em', medium: '38em', wide: '48em' } as const;

function reducedMotion(win: Window): boolean {
  return (
    typeof win.matchMedia === 'function' &&
    win.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

function replaceUrl(href: string): void {
  if (href !== location.href) history.replaceState(history.state, '', href);
}

export const PAINTED_MARK = 'qari:article-painted';
const MARKDOWN_TYPE = 'text/markdown;charset=utf-8';

/** The reader: header, sections, settings and the article, for the overlay and saved articles. */
export function ReaderView(props: ReaderViewProps) {
  const { article, mode, onClose, onSave, isSaved } = props;
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    isSaved?.().then(setSaved, () => undefined);
  }, [isSaved]);
  const save = onSave && (() => void onSave().then((ok) => ok && setSaved(true)));
  const [archived, setArchived] = useState(false);
  const labels = useMemo(readerLabels, []);
  const entry = props.entry;
  const toolbarActions: ToolbarAction[] | undefined =
    entry &&
    savedToolbarActions(entry.status).map((id) => ({
      id,
      label: labels[ACTION_LABEL[id]],
      icon: ACTION_ICON[id] ?? 'list',
      filled: id === 'unfavourite',
      onClick: () => entry.onAction(id),
    }));
  // The overlay's own actions: archive (saving first), save, back to the page.
  const overlayAction = (id: EntryActionId): void => {
    if (id === 'save') save?.();
    else if (id === 'back-to-page') onClose?.();
    else if (id === 'archive')
      void props.onArchive?.().then((ok) => {
        if (ok) {
          setSaved(true);
          setArchived(true);
        }
      });
  };
  const endIds = entry
    ? endActions('saved', { ...entry.status, saved: true })
    : endActions('overlay', { read: false, favourite: false, archived, saved }).filter(
        (id) =>
          (id !== 'archive' || props.onArchive) &&
          (id !== 'save' || onSave) &&
          (id !== 'back-to-page' || onClose),
      );
  const end: EndAction[] = endIds.map((id, i) => ({
    id,
    label: labels[ACTION_LABEL[id]],
    primary: i === 0 && (id === 'archive' || id === 'save'),
    onClick: () => (entry ? entry.onAction(id) : overlayAction(id)),
  }));
  const ui = useMemo(uiLang, []);
  const [settings, update] = useReaderSettings(props.initialSettings);
  const narrow = useNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [popover, setPopover] = useState<Popover>(null);
  const [hint, showHint] = useKeyHint();
  const contentRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const headingsRef = useRef<(HTMLElement | null)[]>([]);
  const pendingJump = useRef<{ index: number; until: number } | null>(null);

  // A performance mark when the article is first on screen: what the benchmark's
  // "command to article painted" reads (a standard User Timing entry, nothing test-only).
  useEffect(() => {
    requestAnimationFrame(() => performance.mark(PAINTED_MARK));
  }, []);

  const prepared = useMemo(() => {
    const fragment = prepareContent(article.content, document, {
      baseUrl: article.url,
      sectionIds: article.sections.map((s) => s.id),
      labels: contentLabels(labels),
      images: settings.images,
      imageSource: props.imageSource,
    });
    return { fragment, ...locateSections(fragment, article.sections) };
  }, [article.content, article.url, article.sections, labels, settings.images, props.imageSource]);
  const sections = prepared.sections.length >= MIN_SECTIONS ? prepared.sections : [];
  const hasToc = sections.length > 0;
  headingsRef.current = hasToc ? prepared.headings : [];

  const spy = useScrollSpy(headingsRef, contentRef, toolbarRef, [prepared, settings]);
  const hl = useHighlights(props.highlights, contentRef, prepared);
  const [noteFocus, setNoteFocus] = useState<string | null>(null);
  const openHighlight = (id: string | null): void => {
    setNoteFocus(id);
    setPopover('highlights');
  };
  const highlightAs = async (color: HighlightColor, withNote = false): Promise<void> => {
    const h = await hl.add(color);
    if (h === 'none') return showHint(labels.readerHlSelectFirst);
    if (!h) return showHint(labels.readerHlFailed);
    if (mode === 'overlay') setSaved(true);
    if (withNote) openHighlight(h.id);
  };
  const copyQuote = (): void => {
    const root = contentRef.current;
    const selectors = root && hl.selected && selectorsOfRange(root, hl.selected.range);
    if (!selectors) return;
    const text = quoteWithSource(selectors.quote.exact, article);
    void copyText(document, text).then((ok) => ok && showHint(labels.readerHlCopied));
  };
  const markdown = (): string =>
    articleMarkdown(
      { ...article, savedAt: props.savedAt ?? Date.now(), highlights: hl.list },
      { note: labels.readerHlMdNote, saved: labels.readerHlMdSaved },
    );
  const copyMarkdown = (): void =>
    void copyText(document, markdown()).then((ok) => ok && showHint(labels.readerHlMdCopied));
  const downloadMarkdown = (): void => {
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(document, `qari-highlights-${day}.md`, markdown(), MARKDOWN_TYPE);
  };
  const jumpToHighlight = (id: string): void => {
    setPopover(null);
    hl.jump(id);
  };

  // A click on a painted highlight (not the end of a new selection) opens its note.
  useEffect(() => {
    const root = contentRef.current;
    if (!root || !props.highlights) return;
    const onClick = (e: MouseEvent): void => {
      const mark = (e.target as Element | null)?.closest?.(`mark.${MARK_CLASS}`);
      const id = mark instanceof HTMLElement ? mark.dataset.hl : undefined;
      if (id && root.ownerDocument.getSelection()?.isCollapsed !== false) openHighlight(id);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [props.highlights]);
  useProgressReport(spy.current === null ? null : spy.progress, props.onProgress);

  const jumpTo = useCallback(
    (index: number, smooth: boolean): void => {
      const heading = headingsRef.current[index];
      const section = sections[index];
      if (!heading || !section) return;
      const win = heading.ownerDocument.defaultView ?? window;
      heading.scrollIntoView?.({
        behavior: smooth && !reducedMotion(win) ? 'smooth' : 'auto',
        block: 'start',
      });
      heading.focus({ preventScroll: true });
      pendingJump.current = { index, until: Date.now() + PENDING_JUMP_MS };
      replaceUrl(withSection(location.href, section.id));
    },
    [sections],
  );

  // First position: the section named in the address, else the saved reading position.
  useLayoutEffect(() => {
    const wanted = parseReaderLocation(location.href).section;
    const index = wanted ? sections.findIndex((s) => s.id === wanted) : -1;
    if (index >= 0) return jumpTo(index, false);
    const root = document.scrollingElement ?? document.documentElement;
    const start = props.initialProgress ?? 0;
    if (start > 0 && start <= 1) scrollTo(0, start * (root.scrollHeight - innerHeight));
  }, [prepared]);

  // Keep the address pointing at the current section, so reload and copied links land there.
  useEffect(() => {
    if (spy.current === null) return;
    // A jump is over when it arrives (or when its moment expires): a measurement taken on the way,
    // or before the scroll began, must not send the next key press back to where it started.
    if (pendingJump.current?.index === spy.current) pendingJump.current = null;
    if (!hasToc) return;
    replaceUrl(withSection(location.href, sections[spy.current]?.id ?? null));
  }, [spy.current, hasToc]);

  // Before the browser paints: the theme lives on the root element, outside what render sets.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  useEffect(() => {
    document.title = displayLine(article.title);
  }, [article.title]);

  useEffect(() => {
    if (!narrow) setDrawerOpen(false);
  }, [narrow]);

  // Opening the drawer puts focus on the current entry, the place a reader wants to start from.
  useEffect(() => {
    if (!drawerOpen) return;
    const nav = document.getElementById('qari-toc');
    const link =
      nav?.querySelector<HTMLElement>('[aria-current]') ??
      nav?.querySelector<HTMLElement>('button');
    link?.focus();
  }, [drawerOpen]);

  const closePopover = useCallback((): void => {
    const toggle = popover && document.getElementById(`qari-${popover}-toggle`);
    const panel = popover && document.getElementById(`qari-${popover}`);
    setPopover(null);
    if (toggle && panel?.contains(document.activeElement)) toggle.focus();
  }, [popover]);

  const closeDrawer = useCallback((): void => {
    setDrawerOpen(false);
    document.getElementById('qari-toc-toggle')?.focus();
  }, []);

  // A click outside an open popover closes it, as menus do.
  useEffect(() => {
    if (!popover) return;
    const onDown = (e: Event): void => {
      const target = e.target as Node | null;
      const inside = [`qari-${popover}`, `qari-${popover}-toggle`].some((id) =>
        document.getElementById(id)?.contains(target),
      );
      if (!inside) setPopover(null);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [popover]);

  // One key handler, registered once, runs the latest render's: re-registering it on each change
  // (an effect runs after paint) left a gap in which a second Escape pressed right after the
  // first met the handler of the state before, and closed the panel again instead of the reader.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKeyRef.current = (e: KeyboardEvent): void => {
    const action = keyAction(e);
    if (!action) return;
    if (action === 'close') {
      // Innermost first: a popover, then the drawer, then the reader itself.
      if (popover) closePopover();
      else if (drawerOpen) closeDrawer();
      else if (onClose) onClose();
      else return;
      e.preventDefault();
      return;
    }
    if (action === 'help') {
      e.preventDefault();
      setPopover((p) => (p === 'help' ? null : 'help'));
      return;
    }
    if (action === 'highlight') {
      if (!props.highlights) return;
      e.preventDefault();
      void highlightAs('yellow');
      return;
    }
    if (!hasToc) return showHint(labels.readerNoSections);
    const pending = pendingJump.current;
    const from = pending && pending.until > Date.now() ? pending.index : (spy.current ?? -1);
    const target = adjacentSection(from, sections.length, action === 'next' ? 1 : -1);
    if (target === null) return;
    e.preventDefault();
    jumpTo(target, true);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => onKeyRef.current(e);
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const onTocJump = (index: number): void => {
    if (drawerOpen) setDrawerOpen(false);
    jumpTo(index, true);
  };

  const percent = new Intl.NumberFormat(NUMBER_LOCALE[ui], { style: 'percent' }).format(
    spy.progress,
  );
  const style = {
    '--qari-font-size': `${settings.fontSize}px`,
    '--qari-line-height': String(settings.lineHeight),
    '--qari-measure': WIDTH_MEASURE[settings.width],
  } as JSX.CSSProperties;

  return (
    <div
      class="qari-reader"
      data-mode={mode}
      data-font={settings.font}
      data-justify={settings.justify ? 'on' : 'off'}
      data-toc={hasToc ? 'on' : 'off'}
      lang={ui}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      style={style}
    >
      <a
        class="qari-skip"
        href="#qari-main"
        lang={ui}
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {labels.readerSkip}
      </a>
      <Toolbar
        labels={labels}
        ui={ui}
        toolbarRef={toolbarRef}
        showTocToggle={hasToc && narrow}
        drawerOpen={drawerOpen}
        popover={popover}
        onToggleDrawer={() => setDrawerOpen((o) => !o)}
        onTogglePopover={(p) => setPopover((cur) => (cur === p ? null : p))}
        onSave={save}
        saved={saved}
        onClose={onClose}
        actions={toolbarActions}
        highlightCount={props.highlights ? hl.list.length : undefined}
      />
      <div class="qari-popovers" lang={ui} dir={ui === 'ar' ? 'rtl' : 'ltr'}>
        <SettingsPanel
          settings={settings}
          update={update}
          labels={labels}
          ui={ui}
          open={popover === 'settings'}
        />
        <KeyHelp labels={labels} ui={ui} open={popover === 'help'} />
        {props.highlights && (
          <HighlightsPanel
            labels={labels}
            ui={ui}
            open={popover === 'highlights'}
            placed={hl.placement.placed.map((p) => p.highlight)}
            notFound={hl.placement.notFound}
            focusId={noteFocus}
            onJump={jumpToHighlight}
            onNote={(id, note) =>
              void hl
                .update(id, { note })
                .then((ok) => showHint(ok ? labels.readerHlNoteSaved : labels.readerHlFailed))
            }
            onColor={(id, color) => void hl.update(id, { color })}
            onRemove={(id) => void hl.remove(id)}
            onCopyMarkdown={copyMarkdown}
            onDownloadMarkdown={downloadMarkdown}
          />
        )}
      </div>
      {props.highlights && hl.selected && (
        <SelectionToolbar
          box={hl.selected.box}
          labels={labels}
          ui={ui}
          onColor={(c) => void highlightAs(c)}
          onNote={() => void highlightAs('yellow', true)}
          onCopy={copyQuote}
        />
      )}
      <KeyHint text={hint} ui={ui} />
      <ProgressBar value={spy.progress} label={labels.readerProgress} percent={percent} />
      <div class="qari-layout">
        {hasToc && (
          <Toc
            sections={sections}
            current={spy.current}
            label={labels.readerToc}
            drawer={narrow ? (drawerOpen ? 'open' : 'closed') : 'none'}
            onJump={onTocJump}
          />
        )}
        {narrow && drawerOpen && (
          <div class="qari-backdrop" aria-hidden="true" onClick={closeDrawer} />
        )}
        <main id="qari-main" ref={mainRef} tabIndex={-1}>
          <article class="qari-article" lang={article.lang} dir={article.dir}>
            <ArticleHeader
              article={article}
              ui={ui}
              labels={labels}
              onOriginal={mode === 'overlay' ? onClose : undefined}
            />
            {props.notice && settings.images && (
              <p class="qari-notice" role="note" lang={ui} dir={ui === 'ar' ? 'rtl' : 'ltr'}>
                {props.notice}
              </p>
            )}
            <ArticleBody fragment={prepared.fragment} contentRef={contentRef} />
            {/* Inside the article, before the room kept after it for scrolling to late sections. */}
            <EndOfArticle heading={labels.readerEndHeading} actions={end} ui={ui} />
          </article>
        </main>
      </div>
    </div>
  );
}
