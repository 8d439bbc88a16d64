import { useEffect, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';
import { syncLabel } from '@/lib/popup/sync-labels';
import { syncStatusView } from '@/lib/popup/sync-status';
import type { SyncState } from '@/lib/sync/engine';

interface Props {
  /** The background's sync state; null when it did not answer. */
  load: () => Promise<SyncState | null>;
  ui: UiLang;
  /** How often to refresh while the popup is open, ms. */
  refreshMs?: number;
}

const REFRESH_MS = 5_000;

/**
 * The popup's sync line: last synced, pending, entries on this browser only, a clock that is off,
 * last error.
 */
export function SyncStatus({ load, ui, refreshMs = REFRESH_MS }: Props) {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void load()
        .then((s) => live && s && setState(s))
        .catch(() => undefined);
    read();
    const timer = setInterval(read, refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, refreshMs]);
  if (!state) return null;
  const view = syncStatusView(state, Date.now(), ui);
  return (
    <section
      class="qari-sync"
      aria-label={syncLabel('syncTitle')}
      data-enabled={String(state.enabled)}
      data-pending={state.pending}
      data-local-only={state.localOnly}
      data-error={state.lastError?.code ?? ''}
      data-clock-ahead={state.clockAheadMs ?? ''}
    >
      {view.lines.map((line) => (
        <p key={line} class="qari-sync-line">
          {line}
        </p>
      ))}
      {view.clock && (
        <p class="qari-sync-clock" role="status">
          {view.clock}
        </p>
      )}
      {view.error && (
        <p class="qari-sync-error" role="alert">
          {view.error}
        </p>
      )}
    </section>
  );
}
