/**
 * Starting an import from the import page: the file is parsed in the page's worker
 * (`linksInWorker`), then the background gets our backup's entries whole (`library:import`, which
 * validates the backup again) and the links in batches of at most MAX_LINK_BATCH (`import:links`,
 * each link validated as untrusted), in the file's order.
 */
import { MAX_LINK_BATCH, type LibraryFailure } from '../messages';
import { linksInWorker } from './preview-file';
import type { EnqueueReport } from './queue';
import type { ImportStartReport } from './preview';
import type { ImportItem } from './types';

export { MAX_LINK_BATCH };

/** The background's two answers, as the page's `ask` gives them. */
export interface StartSenders {
  backup(json: string): Promise<{ ok: true } | LibraryFailure>;
  links(items: ImportItem[]): Promise<({ ok: true } & { report: EnqueueReport }) | LibraryFailure>;
}

export async function startImportFromPage(
  file: unknown,
  createWorker: () => Worker,
  send: StartSenders,
): Promise<ImportStartReport | { messageKey: string }> {
  const parsed = await linksInWorker(file, createWorker);
  if (!parsed.ok) return { messageKey: parsed.messageKey };
  if (parsed.backupJson !== null) {
    const res = await send.backup(parsed.backupJson);
    if (!res.ok) return { messageKey: res.messageKey };
  }
  const report: ImportStartReport = {
    added: 0,
    merged: 0,
    queued: 0,
    malformedCount: parsed.malformedCount,
  };
  for (let i = 0; i < parsed.items.length; i += MAX_LINK_BATCH) {
    const res = await send.links(parsed.items.slice(i, i + MAX_LINK_BATCH));
    if (!res.ok) return { messageKey: res.messageKey };
    report.added += res.report.added;
    report.merged += res.report.merged;
    report.queued += res.report.queued;
  }
  return report;
}
