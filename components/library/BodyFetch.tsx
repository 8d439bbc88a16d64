import { syncLabel, type SyncLabelKey } from '@/lib/popup/sync-labels';
import { isWebUrl } from '@/lib/store/validate';

export type BodyFetchState =
  { kind: 'fetching' } | { kind: 'failed'; reason: SyncLabelKey; url: string; onRetry: () => void };

/**
 * The reader page for an entry synced from another browser while its article is fetched, or
 * why it could not be, with the way to the original page.
 */
export function BodyFetch({ state }: { state: BodyFetchState }) {
  if (state.kind === 'fetching')
    return (
      <main class="qari-status" aria-busy="true">
        <p role="status">{syncLabel('syncFetchingBody')}</p>
      </main>
    );
  return (
    <main class="qari-status qari-fetch-failed">
      <p role="alert">
        {syncLabel('syncFetchBodyFailed')}
        {state.reason !== 'syncFetchBodyFailed' && (
          <>
            <br />
            {syncLabel(state.reason)}
          </>
        )}
      </p>
      <p>
        {isWebUrl(state.url) && (
          <a class="qari-button" href={state.url} rel="noopener noreferrer">
            {syncLabel('syncOpenOriginal')}
          </a>
        )}{' '}
        <button type="button" class="qari-button" onClick={state.onRetry}>
          {syncLabel('syncRetry')}
        </button>
      </p>
    </main>
  );
}
