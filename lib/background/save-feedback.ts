/**
 * Saving from the keyboard command and the context menu as the popup saves: the same question
 * for a page that does not look like an Arabic article, and the outcome shown on the page
 * (lib/page/save-toast.ts), failures included.
 */
import type { SaveToastCommand, TabState } from '../messages';
import type { LibraryFailure } from '../messages';
import type { AllHandlers } from '../messaging';
import { askBeforeSaving } from '../popup/save-check';
import type { SaveResult } from '../store/articles';
import { saveTab } from './library';
import { tabDetection, tellTab } from './reader';

export interface SaveFeedbackDeps {
  save?: (tabId: number) => Promise<({ ok: true } & SaveResult) | LibraryFailure>;
  detection?: (tabId: number) => TabState | null | Promise<TabState | null>;
  tell?: (tabId: number, cmd: SaveToastCommand) => Promise<unknown>;
}

const toast = (key: string, error = false, ask = false): SaveToastCommand => ({
  type: 'page:toast',
  key,
  error,
  ask,
});

/** What a save from the page's side ends with: the toast to show. */
export async function saveOutcome(
  tabId: number,
  force: boolean,
  deps: SaveFeedbackDeps = {},
): Promise<SaveToastCommand> {
  const state = await (deps.detection ?? tabDetection)(tabId);
  if (!force && askBeforeSaving(state?.detection ?? null))
    return toast('saveNotArticle', true, true);
  const res = await (deps.save ?? saveTab)(tabId).catch(() => null);
  if (res?.ok) return toast(res.created ? 'saveDone' : 'saveUpdated');
  return toast(res?.messageKey ?? 'saveFailed', true);
}

/** Save a tab's page (`force`: the reader answered "save anyway") and say how it went there. */
export async function savePageWithFeedback(
  tabId: number,
  force = false,
  deps: SaveFeedbackDeps = {},
): Promise<void> {
  const cmd = await saveOutcome(tabId, force, deps);
  await (deps.tell ?? tellTab)(tabId, cmd);
}

/** "Save anyway" pressed in a page's toast: the tab is the sender's own (its top frame only). */
export function saveFeedbackHandlers(): Pick<AllHandlers, 'page:saveAnyway'> {
  return {
    'page:saveAnyway': async (_payload, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId === 0) await savePageWithFeedback(tabId, true);
      return { ok: true as const };
    },
  };
}
