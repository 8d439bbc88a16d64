import type { Ref } from 'preact';
import type { UiLang } from '@/lib/i18n';
import type { Labels } from '@/lib/reader/labels';
import { Icon, type IconName } from './icons';

// The count in the UI language's digits, as the reader's other numbers.
const NUMBERS = { ar: 'ar-u-nu-arab', en: 'en' } as const;

export type Popover = 'settings' | 'help' | 'highlights' | null;

/** A button of the saved article's own (archive, favourite…), shown at the toolbar's start. */
export interface ToolbarAction {
  id: string;
  label: string;
  icon: IconName;
  /** The icon drawn filled (a favourite's star). */
  filled?: boolean;
  onClick: () => void;
}

interface Props {
  labels: Labels;
  ui: UiLang;
  toolbarRef: Ref<HTMLElement>;
  /** Whether a drawer toggle is needed (sections exist and the window is narrow). */
  showTocToggle: boolean;
  drawerOpen: boolean;
  popover: Popover;
  onToggleDrawer: () => void;
  onTogglePopover: (p: Exclude<Popover, null>) => void;
  onSave?: () => void;
  /** The article is in the reading list: the bookmark shows it (filled). */
  saved?: boolean;
  onClose?: () => void;
  actions?: ToolbarAction[];
  /** How many highlights the article has; undefined where highlights are not offered. */
  highlightCount?: number;
}

/** The page banner: section drawer toggle, display settings, shortcuts, save, close. */
export function Toolbar(p: Props) {
  const { labels } = p;
  return (
    // The reader's own controls follow the UI language's direction; the article keeps its own.
    <header class="qari-toolbar" ref={p.toolbarRef} lang={p.ui} dir={p.ui === 'ar' ? 'rtl' : 'ltr'}>
      {p.showTocToggle && (
        <button
          type="button"
          id="qari-toc-toggle"
          class="qari-button"
          aria-expanded={p.drawerOpen}
          aria-controls="qari-toc"
          onClick={p.onToggleDrawer}
        >
          <Icon name="menu" />
          <span>{labels.readerTocToggle}</span>
        </button>
      )}
      {p.actions?.map((a) => (
        <button
          key={a.id}
          type="button"
          class="qari-button"
          data-action={a.id}
          title={a.label}
          onClick={a.onClick}
        >
          <Icon name={a.icon} filled={a.filled} />
          <span class="qari-action-label">{a.label}</span>
        </button>
      ))}
      <span class="qari-toolbar-spacer" />
      {p.highlightCount !== undefined && (
        <button
          type="button"
          id="qari-highlights-toggle"
          class="qari-button"
          aria-expanded={p.popover === 'highlights'}
          aria-controls="qari-highlights"
          title={labels.readerHighlights}
          onClick={() => p.onTogglePopover('highlights')}
        >
          <Icon name="highlight" />
          <span class="qari-sr-only">{labels.readerHighlights}</span>
          {p.highlightCount > 0 && (
            <span class="qari-count">
              {new Intl.NumberFormat(NUMBERS[p.ui]).format(p.highlightCount)}
            </span>
          )}
        </button>
      )}
      <button
        type="button"
        id="qari-settings-toggle"
        class="qari-button"
        aria-expanded={p.popover === 'settings'}
        aria-controls="qari-settings"
        title={labels.readerSettings}
        onClick={() => p.onTogglePopover('settings')}
      >
        <Icon name="text" />
        <span class="qari-sr-only">{labels.readerSettings}</span>
      </button>
      <button
        type="button"
        id="qari-help-toggle"
        class="qari-button"
        aria-expanded={p.popover === 'help'}
        aria-controls="qari-help"
        title={labels.readerHelp}
        onClick={() => p.onTogglePopover('help')}
      >
        <Icon name="help" />
        <span class="qari-sr-only">{labels.readerHelp}</span>
      </button>
      {p.onSave && (
        <button
          type="button"
          id="qari-save"
          class="qari-button"
          title={p.saved ? labels.readerSaved : labels.readerSave}
          aria-pressed={p.saved ? 'true' : 'false'}
          onClick={p.onSave}
        >
          <Icon name="save" filled={p.saved} />
          <span class="qari-sr-only">{p.saved ? labels.readerSaved : labels.readerSave}</span>
        </button>
      )}
      {p.onClose && (
        <button
          type="button"
          class="qari-button qari-close"
          title={labels.readerClose}
          onClick={p.onClose}
        >
          <Icon name="close" />
          <span class="qari-sr-only">{labels.readerClose}</span>
        </button>
      )}
    </header>
  );
}
