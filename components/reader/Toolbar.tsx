import type { ComponentChildren, Ref } from 'preact';
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

interface ToggleProps {
  name: Exclude<Popover, null>;
  icon: IconName;
  label: string;
  popover: Popover;
  onTogglePopover: (p: Exclude<Popover, null>) => void;
  children?: ComponentChildren;
}

/** A toolbar button that opens and closes one of the reader's panels (`#qari-NAME`). */
function PopoverToggle(p: ToggleProps) {
  return (
    <button
      type="button"
      id={`qari-${p.name}-toggle`}
      class="qari-button"
      aria-expanded={p.popover === p.name}
      aria-controls={`qari-${p.name}`}
      title={p.label}
      onClick={() => p.onTogglePopover(p.name)}
    >
      <Icon name={p.icon} />
      <span class="qari-sr-only">{p.label}</span>
      {p.children}
    </button>
  );
}

/** The page banner: section drawer toggle, display settings, shortcuts, save, close. */
export function Toolbar(p: Props) {
  const { labels } = p;
  const toggles = { popover: p.popover, onTogglePopover: p.onTogglePopover };
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
        <PopoverToggle
          name="highlights"
          icon="highlight"
          label={labels.readerHighlights}
          {...toggles}
        >
          {p.highlightCount > 0 && (
            <span class="qari-count">
              {new Intl.NumberFormat(NUMBERS[p.ui]).format(p.highlightCount)}
            </span>
          )}
        </PopoverToggle>
      )}
      <PopoverToggle name="settings" icon="text" label={labels.readerSettings} {...toggles} />
      <PopoverToggle name="help" icon="help" label={labels.readerHelp} {...toggles} />
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
