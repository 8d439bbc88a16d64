import type { Section } from '@/lib/article';

interface Props {
  sections: Section[];
  current: number | null;
  label: string;
  /** The drawer state on narrow windows; wide windows always show the sidebar. */
  drawer: 'none' | 'open' | 'closed';
  hrefFor: (id: string) => string;
  onJump: (index: number) => void;
}

const MAX_LEVEL = 3;

/** The article's sections, in order, with the current one marked. */
export function Toc({ sections, current, label, drawer, hrefFor, onJump }: Props) {
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
            <a
              href={hrefFor(s.id)}
              dir="auto"
              aria-current={i === current ? 'location' : undefined}
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                onJump(i);
              }}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
