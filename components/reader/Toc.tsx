import type { Section } from '@/lib/article';

interface Props {
  sections: Section[];
  current: number | null;
  label: string;
  /** The drawer state on narrow windows; wide windows always show the sidebar. */
  drawer: 'none' | 'open' | 'closed';
  onJump: (index: number) => void;
}

const MAX_LEVEL = 3;

/**
 * The article's sections, in order, with the current one marked. Buttons, not links: a link's
 * address (the reader page's, with its one-time token) would show in the browser's status bar on
 * hover; the address bar still follows the current section for reloads and copies.
 */
export function Toc({ sections, current, label, drawer, onJump }: Props) {
  return (
    <nav
      id="qari-toc"
      class={`qari-toc${drawer === 'none' ? '' : ' qari-drawer'}${drawer === 'open' ? ' is-open' : ''}`}
      aria-label={label}
      hidden={drawer === 'closed'}
    >
      <p class="qari-toc-title" aria-hidden="true">
        {label}
      </p>
      <ol>
        {sections.map((s, i) => (
          <li key={s.id} class={`qari-toc-level-${Math.min(Math.max(s.level, 1), MAX_LEVEL)}`}>
            <button
              type="button"
              dir="auto"
              aria-current={i === current ? 'location' : undefined}
              onClick={() => onJump(i)}
            >
              {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
