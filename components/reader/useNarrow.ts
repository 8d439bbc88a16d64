import { useEffect, useState } from 'preact/hooks';

/** Below this width the table of contents is a drawer instead of a sidebar (matches reader.css). */
export const NARROW_QUERY = '(max-width: 899.98px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matches());
  useEffect(() => {
    const mq = typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : null;
    if (!mq) return;
    const onChange = (): void => setNarrow(mq.matches);
    mq.addEventListener('change', onChange);
    onChange();
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

function matches(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_QUERY).matches;
}
