import { useEffect, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';
import type { Labels } from '@/lib/reader/labels';
import { SUGGESTED_SHORTCUTS } from '@/lib/reader/shortcut-keys';
import { browserShortcuts, type Shortcuts } from '@/lib/reader/shortcuts';

interface Props {
  labels: Labels;
  ui: UiLang;
  open: boolean;
}

/** The shortcuts, shown by the help button or the "?" key: the reader's, then the browser's. */
export function KeyHelp({ labels, ui, open }: Props) {
  const [bound, setBound] = useState<Shortcuts>(SUGGESTED_SHORTCUTS);
  useEffect(() => {
    browserShortcuts().then(setBound, () => undefined);
  }, []);
  const browserKeys = (keys: string) => (keys ? [keys] : [labels.readerKeyUnset]);
  const rows: [string[], string][] = [
    [['J', 'N', 'Alt+↓'], labels.readerKeyNext],
    [['K', 'P', 'Alt+↑'], labels.readerKeyPrev],
    [['Esc'], labels.readerKeyClose],
    [['?'], labels.readerKeyHelp],
    [['H'], labels.readerKeyHighlight],
    [browserKeys(bound['toggle-reader']), labels.readerKeyToggle],
    [browserKeys(bound['save-page']), labels.readerKeySave],
  ];
  return (
    <div
      id="qari-help"
      class="qari-popover qari-help"
      role="region"
      aria-label={labels.readerHelp}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      hidden={!open}
    >
      <dl>
        {rows.map(([keys, what]) => (
          <div key={what} class="qari-help-row">
            <dt dir="ltr">
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
