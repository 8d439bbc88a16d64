import { syncLabel, type SyncLabelKey } from '@/lib/popup/sync-labels';
import { readerLabels } from '@/lib/reader/labels';
import { isWebUrl } from '@/lib/store/validate';

export type BodyFetchState =
  | { kind: 'fetching' }
  | { kind: 'access'; url: string; host: string; onAllow: () => void }
  | {
      kind: 'failed';
      reason: SyncLabelKey;
      url: string;
      onRetry: () => void;
      /** Delete the entry (with undo), and back to the list: a failed entry is no dead end. */
      onDelete?: () => void;
      onList?: () => void;
    };

function OriginalLink({ url }: { url: string }) {
  return isWebUrl(url) ? (
    <a class="qari-button" href={url} rel="noopener noreferrer">
      {syncLabel('syncOpenOriginal')}
    </a>
  ) : null;
}

/**
 * The reader page for an entry synced from another browser while its article is fetched, the
 * request for access to its site when the extension has none yet, or why it could not be
 * fetched, with the way to the original page.
 */
export function BodyFetch({ state }: { state: BodyFetchState }) {
  if (state.kind === 'fetching')
    return (
      <main class="qari-status" aria-busy="true">
        <p role="status">{syncLabel('syncFetchingBody')}</p>
      </main>
    );
  if (state.kind === 'access')
    return (
      <main class="qari-status qari-fetch-access">
        <p>{syncLabel('syncFetchNeedsAccess', state.host)}</p>
        <p>
          <button type="button" class="qari-button" onClick={state.onAllow}>
            {syncLabel('syncAllowAccess')}
          </button>{' '}
          <OriginalLink url={state.url} />
        </p>
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
        <OriginalLink url={state.url} />{' '}
        <button type="button" class="qari-button" onClick={state.onRetry}>
          {syncLabel('syncRetry')}
        </button>{' '}
        {state.onDelete && (
          <button type="button" class="qari-button" data-action="delete" onClick={state.onDelete}>
            {readerLabels().readerDelete}
          </button>
        )}{' '}
        {state.onList && (
          <button
            type="button"
            class="qari-button"
            data-action="back-to-list"
            onClick={state.onList}
          >
            {readerLabels().readerBackToList}
          </button>
        )}
      </p>
    </main>
  );
}
