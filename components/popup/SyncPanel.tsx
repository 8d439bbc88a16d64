import { useEffect, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';
import { syncLabel } from '@/lib/popup/sync-labels';
import { syncStatusView } from '@/lib/popup/sync-status';
import type { SyncState } from '@/lib/sync/engine';

export interface SyncEnv {
  state: () => Promise<SyncState>;
  setEnabled: (enabled: boolean) => Promise<SyncState>;
  syncNow: () => Promise<SyncState>;
}

const SWITCH_ID = 'qari-sync-enabled';

/** The options page's sync section: the on/off switch, "sync now" and the state in words. */
export function SyncPanel({ env, ui }: { env: SyncEnv; ui: UiLang }) {
  const [state, setState] = useState<SyncState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void env
      .state()
      .then(setState)
      .catch(() => setFailed(true));
  }, [env]);

  const run = async (call: () => Promise<SyncState>): Promise<void> => {
    setBusy(true);
    try {
      setState(await call());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const view = state ? syncStatusView(state, Date.now(), ui) : null;
  return (
    <section class="qari-sync-panel" aria-busy={busy}>
      <h2>{syncLabel('syncOptionsTitle')}</h2>
      <p>{syncLabel('syncOptionsIntro')}</p>
      <p>
        <input
          id={SWITCH_ID}
          type="checkbox"
          role="switch"
          checked={state?.enabled ?? false}
          disabled={busy || !state}
          onChange={(e) => {
            const enabled = (e.currentTarget as HTMLInputElement).checked;
            void run(() => env.setEnabled(enabled));
          }}
        />{' '}
        <label for={SWITCH_ID}>{syncLabel('syncEnable')}</label>
      </p>
      <div class="qari-backup-buttons">
        <button
          type="button"
          class="qari-primary qari-sync-now"
          disabled={busy || !state?.enabled}
          onClick={() => void run(env.syncNow)}
        >
          {busy ? syncLabel('syncWorking') : syncLabel('syncNow')}
        </button>
      </div>
      <div class="qari-sync-state" role="status">
        {view?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {(view?.error || failed) && (
        <p class="qari-error" role="alert">
          {view?.error ?? syncLabel('syncErrorUnknown')}
        </p>
      )}
    </section>
  );
}
