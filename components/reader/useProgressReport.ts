import { useEffect, useRef } from 'preact/hooks';

// Progress is usually written to IndexedDB; a write per frame of scrolling would be wasteful.
const REPORT_INTERVAL_MS = 1000;

/**
 * Calls `report` with the latest progress at most once a second while it changes, and once more
 * when the view goes away or the page is hidden, so the last position is never lost.
 */
export function useProgressReport(progress: number | null, report?: (f: number) => void): void {
  const latest = useRef<number | null>(null);
  const sent = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reportRef = useRef(report);
  reportRef.current = report;

  const flush = (): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current;
    if (value === null || value === sent.current) return;
    sent.current = value;
    reportRef.current?.(value);
  };

  useEffect(() => {
    latest.current = progress;
    if (progress === null || !reportRef.current || timer.current) return;
    timer.current = setTimeout(flush, REPORT_INTERVAL_MS);
  }, [progress]);

  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
