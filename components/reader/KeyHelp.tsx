import type { UiLang } from '@/lib/i18n';
import type { Labels } from '@/lib/reader/labels';

interface Props {
  labels: Labels;
  ui: UiLang;
  open: boolean;
}

/** The shortcuts, shown by the help button or the "?" key. */
export function KeyHelp({ labels, ui, open }: Props) {
  const rows: [string[], string][] = [
    [['J', 'N', 'Alt+↓'], labels.readerKeyNext],
    [['K', 'P', 'Alt+↑'], labels.readerKeyPrev],
    [['Esc'], labels.readerKeyClose],
    [['?'], labels.readerKeyHelp],
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
