/**
 * What the popup says about sync, from the engine's state: when it last synced (relative), what
 * waits, how many entries stay on this browser only, the last error in plain words, and a warning
 * when the synced stamps run ahead of this device's clock (one of the clocks is wrong).
 */
import type { SyncState } from '../sync/engine';
import type { UiLang } from '../i18n';
import { count } from './format';
import { syncLabel, syncLabelFor } from './sync-labels';

const LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export interface SyncStatusView {
  /** Plain facts, one per line. */
  lines: string[];
  /** The last error, or null. */
  error: string | null;
  /** How far synced stamps lead this clock, in words, or null. */
  clock: string | null;
}

/** "90 days", "3 hours"… in the UI language, largest whole unit, at least one minute. */
export function span(ms: number, lang: UiLang): string {
  const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? UNITS[UNITS.length - 1]!;
  const n = Math.max(1, Math.floor(ms / size));
  return new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit, unitDisplay: 'long' }).format(
    n,
  );
}

/** "5 minutes ago", "now"… in the UI language. */
export function ago(at: number, now: number, lang: UiLang): string {
  const diff = Math.max(0, now - at);
  const rtf = new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (diff >= ms) return rtf.format(-Math.floor(diff / ms), unit);
  return rtf.format(0, 'second');
}

export function syncStatusView(state: SyncState, now: number, lang: UiLang): SyncStatusView {
  const lines: string[] = [];
  if (!state.enabled) lines.push(syncLabel('syncOff'));
  else
    lines.push(
      state.lastSyncedAt === null
        ? syncLabel('syncNever')
        : syncLabel('syncLastSynced', ago(state.lastSyncedAt, now, lang)),
    );
  if (state.pending > 0) lines.push(syncLabel('syncPending', count(state.pending, lang)));
  if (state.localOnly > 0) lines.push(syncLabel('syncLocalOnly', count(state.localOnly, lang)));
  const error =
    state.enabled && state.lastError
      ? syncLabelFor(state.lastError.messageKey, 'syncErrorUnknown')
      : null;
  const clock =
    state.enabled && state.clockAheadMs !== null
      ? syncLabel('syncClockAhead', span(state.clockAheadMs, lang))
      : null;
  return { lines, error, clock };
}
