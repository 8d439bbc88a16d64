import { useEffect, useState } from 'preact/hooks';
import { failureKey } from '@/lib/import/failure';
import { importLabel, importLabelFor } from '@/lib/import/labels';
import type { ImportPreview } from '@/lib/import/preview';
import type { QueueFailure, QueueStatus } from '@/lib/import/queue';
import type { ImportFile } from '@/lib/messages';
import { count } from '@/lib/popup/format';
import type { UiLang } from '@/lib/i18n';

export interface ImportEnv {
  readFile: (file: File) => Promise<ImportFile>;
  /** A large file's first part, read alone before the rest (null when it has none to show). */
  readStart?: (file: File) => Promise<ImportFile | null>;
  /** The whole file's preview; `soFar` gets a large file's first part's counts before it. */
  preview: (
    file: ImportFile,
    soFar?: (preview: ImportPreview) => void,
  ) => Promise<{ preview: ImportPreview } | { messageKey: string }>;
  start: (file: ImportFile) => Promise<{ added: number; merged: number } | { messageKey: string }>;
  /** Ask for site access (on the reader's click); true when held. */
  requestAccess: () => Promise<boolean>;
  status: () => Promise<QueueStatus>;
  pause: () => Promise<QueueStatus>;
  resume: () => Promise<QueueStatus>;
  retryFailed: () => Promise<QueueStatus>;
}

const POLL_MS = 1000;

/** `counting`: the counts are the file's first part's, the rest still being read. */
function Preview({ p, ui, counting }: { p: ImportPreview; ui: UiLang; counting: boolean }) {
  return (
    <section class="qari-import-preview" aria-labelledby="qari-preview-h">
      <h2 id="qari-preview-h">{importLabel('importPreviewHeading')}</h2>
      {counting && (
        <p role="status" data-testid="import-counting">
          {importLabel('importCounting')}
        </p>
      )}
      <p data-testid={counting ? 'import-counts-so-far' : 'import-counts'}>
        {importLabel(
          'importCounts',
          count(p.total, ui),
          count(p.unread, ui),
          count(p.archived, ui),
          count(p.favourite, ui),
        )}
      </p>
      {p.duplicates > 0 && <p>{importLabel('importDuplicates', count(p.duplicates, ui))}</p>}
      <ol class="qari-import-first">
        {p.first.map((i) => (
          <li key={i.url}>
            <span dir="auto">{i.title || i.url}</span> <small dir="ltr">{i.url}</small>
          </li>
        ))}
      </ol>
      {p.malformedCount > 0 && (
        <details class="qari-import-malformed">
          <summary>{importLabel('importMalformed', count(p.malformedCount, ui))}</summary>
          <ul>
            {p.malformed.map((m) => (
              <li key={m.row}>
                {importLabel(
                  'importMalformedRow',
                  count(m.row, ui),
                  importLabelFor(
                    `importRowReason_${m.reason.replace(/-/g, '_')}`,
                    'importMalformed',
                  ),
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Links with the reason each could not be saved (yet). */
function LinkList({ items, testId }: { items: QueueFailure[]; testId: string }) {
  return (
    <ul class="qari-import-failures" data-testid={testId}>
      {items.map((f) => (
        <li key={f.url} data-reason={f.reason}>
          <span dir="auto">{f.title || f.url}</span> —{' '}
          <span class="qari-import-reason">
            {importLabelFor(failureKey(f.reason), 'importFailure_error')}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Progress({
  s,
  ui,
  env,
  onStatus,
}: {
  s: QueueStatus;
  ui: UiLang;
  env: ImportEnv;
  onStatus: (s: QueueStatus) => void;
}) {
  const total = s.done + s.failed + s.waiting;
  const [denied, setDenied] = useState(false);
  // Resuming or retrying fetches pages: site access is asked for again on that click if the
  // reader declined it before; without it the queue stays as it is.
  const withAccess = (action: () => Promise<QueueStatus>) => async () => {
    const access = await env.requestAccess();
    setDenied(!access);
    onStatus(await (access ? action() : env.status()));
  };
  return (
    <section class="qari-import-progress" aria-labelledby="qari-progress-h">
      <h2 id="qari-progress-h">{importLabel('importProgressHeading')}</h2>
      <progress max={Math.max(1, total)} value={s.done + s.failed} data-testid="import-progress" />
      <p class="qari-import-counts" data-testid="import-status">
        <span>{importLabel('importDone', count(s.done, ui))}</span>{' '}
        <span>{importLabel('importFailed', count(s.failed, ui))}</span>{' '}
        <span>{importLabel('importWaiting', count(s.waiting, ui))}</span>
      </p>
      {s.paused && <p role="status">{importLabel('importPaused')}</p>}
      {denied && <p role="alert">{importLabel('importPermissionDenied')}</p>}
      <div class="qari-import-buttons">
        {/* Pause and resume only while something is waiting: they would do nothing else. */}
        {s.waiting > 0 && s.paused && (
          <button type="button" class="qari-primary" onClick={withAccess(env.resume)}>
            {importLabel('importResume')}
          </button>
        )}
        {s.waiting > 0 && !s.paused && (
          <button
            type="button"
            class="qari-secondary"
            onClick={() => void env.pause().then(onStatus)}
          >
            {importLabel('importPause')}
          </button>
        )}
        {s.failed > 0 && (
          <button type="button" class="qari-secondary" onClick={withAccess(env.retryFailed)}>
            {importLabel('importRetry')}
          </button>
        )}
      </div>
      {s.retrying.length > 0 && (
        <>
          <h3>{importLabel('importRetryingHeading')}</h3>
          <LinkList items={s.retrying} testId="import-retrying" />
        </>
      )}
      {s.failures.length > 0 && (
        <>
          <h3>{importLabel('importFailuresHeading')}</h3>
          <LinkList items={s.failures} testId="import-failures" />
        </>
      )}
    </section>
  );
}

/** Choose a file, see what it holds, import it, and follow the background download. */
export function ImportPage({ env, ui }: { env: ImportEnv; ui: UiLang }) {
  const [file, setFile] = useState<ImportFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [counting, setCounting] = useState(false);
  // `denied`: the start's "no site access" message, true only while links wait paused for it.
  const [message, setMessage] = useState<{
    text: string;
    error: boolean;
    denied?: boolean;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<QueueStatus | null>(null);

  useEffect(() => {
    let live = true;
    const tick = () =>
      env.status().then(
        (s) => live && setStatus(s),
        () => undefined,
      );
    void tick();
    const id = setInterval(() => void tick(), POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [env]);

  const choose = async (f: File) => {
    setBusy(true);
    setPreview(null);
    setMessage({ text: importLabel('importReading'), error: false });
    const soFar = (p: ImportPreview): void => {
      setPreview(p);
      setCounting(true);
      setMessage(null);
    };
    try {
      // The first counts come from the file's first part before the rest is read at all.
      const start = await env.readStart?.(f);
      const first = start ? await env.preview(start) : null;
      if (first && 'preview' in first) soFar(first.preview);
      const data = await env.readFile(f);
      const res = await env.preview(data, first && 'preview' in first ? undefined : soFar);
      setCounting(false);
      if ('messageKey' in res) {
        setPreview(null);
        setFile(null);
        setMessage({ text: importLabelFor(res.messageKey, 'importFileUnknown'), error: true });
      } else {
        setFile(data);
        setPreview(res.preview);
        setMessage(null);
      }
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!file) return;
    setBusy(true);
    try {
      // Asked on this click: a permission prompt needs a user gesture.
      const access = await env.requestAccess();
      const res = await env.start(file);
      if ('messageKey' in res) {
        setMessage({ text: importLabelFor(res.messageKey, 'importFileUnknown'), error: true });
        return;
      }
      if (!access) await env.pause();
      setMessage({
        text: access
          ? importLabel('importStarted', count(res.added, ui), count(res.merged, ui))
          : importLabel('importPermissionDenied'),
        error: !access,
        denied: !access,
      });
      setFile(null);
      setPreview(null);
      setStatus(await env.status());
    } finally {
      setBusy(false);
    }
  };

  // Access granted since (the queue runs) or nothing left to fetch: the error is no longer true.
  useEffect(() => {
    if (message?.denied && status && (!status.paused || status.waiting === 0)) setMessage(null);
  }, [status, message]);

  const hasQueue = status && status.done + status.failed + status.waiting > 0;
  return (
    <main class="qari-import" aria-busy={busy}>
      <h1>{importLabel('importHeading')}</h1>
      <p>{importLabel('importIntro')}</p>
      <label class={busy ? 'qari-secondary qari-file qari-disabled' : 'qari-secondary qari-file'}>
        {importLabel('importChoose')}
        <input
          type="file"
          data-testid="import-file"
          accept=".html,.htm,.csv,.json,text/html,text/csv,application/json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void choose(f);
          }}
        />
      </label>
      {message && (
        <p
          class={message.error ? 'qari-import-message qari-error' : 'qari-import-message'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {preview && (
        <>
          <Preview p={preview} ui={ui} counting={counting} />
          <div class="qari-import-buttons">
            <button type="button" class="qari-primary" disabled={busy} onClick={() => void start()}>
              {importLabel('importStart')}
            </button>
            <button
              type="button"
              class="qari-secondary"
              disabled={busy}
              onClick={() => {
                setFile(null);
                setPreview(null);
              }}
            >
              {importLabel('importCancel')}
            </button>
          </div>
        </>
      )}
      {hasQueue && <Progress s={status} ui={ui} env={env} onStatus={setStatus} />}
    </main>
  );
}
