import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';

const SHOWN_MS = 2500;

/** A short-lived line of feedback for a key that had nothing to do; `show` restarts its time. */
export function useKeyHint(): [text: string | null, show: (text: string) => void] {
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const show = useCallback((t: string) => {
    clearTimeout(timer.current);
    setText(t);
    timer.current = setTimeout(() => setText(null), SHOWN_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [text, show];
}

/** Where the hint shows: a live region that is always there, so screen readers announce it. */
export function KeyHint({ text, ui }: { text: string | null; ui: UiLang }) {
  return (
    <p class="qari-key-hint" role="status" lang={ui} dir={ui === 'ar' ? 'rtl' : 'ltr'}>
      {text && <span>{text}</span>}
    </p>
  );
}
