import type { UiLang } from '@/lib/i18n';

export interface EndAction {
  id: string;
  label: string;
  primary?: boolean;
  onClick: () => void;
}

interface Props {
  heading: string;
  actions: EndAction[];
  ui: UiLang;
}

/** After the last paragraph: what to do with the article now (archive, save, go back). */
export function EndOfArticle({ heading, actions, ui }: Props) {
  if (actions.length === 0) return null;
  return (
    <nav
      class="qari-end"
      aria-label={heading}
      lang={ui}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      data-testid="end-of-article"
    >
      <p class="qari-end-heading">{heading}</p>
      <div class="qari-end-actions">
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            class={a.primary ? 'qari-button qari-button-primary' : 'qari-button'}
            data-action={a.id}
            onClick={a.onClick}
          >
            {a.label}
          </button>
        ))}
      </div>
    </nav>
  );
}
