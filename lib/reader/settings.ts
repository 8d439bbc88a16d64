/**
 * Reader display settings, stored under one key in `storage.local` so every reader tab (overlay
 * or saved article) shows the same thing and follows a change made in any of them at once.
 * Stored values are untrusted (older versions, other code, manual edits): each field is checked
 * on its own and falls back to its default, so one bad field never resets the others.
 */
import browser from 'webextension-polyfill';

export const SETTINGS_KEY = 'readerSettings';

export const FONTS = ['naskh', 'sans'] as const;
export const THEMES = ['light', 'sepia', 'dark', 'system'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;

export type ReaderFont = (typeof FONTS)[number];
export type ReaderTheme = (typeof THEMES)[number];
export type ReaderWidth = (typeof WIDTHS)[number];

export interface ReaderSettings {
  /** Article text size in CSS pixels. */
  fontSize: number;
  font: ReaderFont;
  /** Unitless line height; Arabic with its tall ascenders and dots reads best near 1.9. */
  lineHeight: number;
  width: ReaderWidth;
  theme: ReaderTheme;
  justify: boolean;
  /** Show the article's photos; off, none is loaded (README, "Image policy"). */
  images: boolean;
}

export const FONT_SIZE = { min: 14, max: 32, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.4, max: 2.4, step: 0.1 } as const;

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  fontSize: 20,
  font: 'naskh',
  lineHeight: 1.9,
  width: 'medium',
  theme: 'system',
  justify: false,
  images: true,
});

type Range = { min: number; max: number; step: number };

function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Clamp into range and snap to the step, so stored values always match what the controls show. */
export function snap(v: unknown, range: Range, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  const clamped = Math.min(range.max, Math.max(range.min, v));
  const steps = Math.round((clamped - range.min) / range.step);
  // Round away float noise (1.4 + 5 * 0.1 = 1.9000000000000001).
  return Number((range.min + steps * range.step).toFixed(4));
}

/** Turn whatever was stored into complete, valid settings. */
export function validateSettings(raw: unknown): ReaderSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  return {
    fontSize: snap(r.fontSize, FONT_SIZE, d.fontSize),
    font: oneOf(FONTS, r.font, d.font),
    lineHeight: snap(r.lineHeight, LINE_HEIGHT, d.lineHeight),
    width: oneOf(WIDTHS, r.width, d.width),
    theme: oneOf(THEMES, r.theme, d.theme),
    justify: typeof r.justify === 'boolean' ? r.justify : d.justify,
    images: typeof r.images === 'boolean' ? r.images : d.images,
  };
}

export async function loadSettings(): Promise<ReaderSettings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return validateSettings(got[SETTINGS_KEY]);
}

// Saves run one after another: two quick changes to different fields (read, merge, write)
// would otherwise both read the old value and the second write would undo the first.
let saving: Promise<unknown> = Promise.resolve();

/** Merge a change into the stored settings and return what was stored. */
export function saveSettings(change: Partial<ReaderSettings>): Promise<ReaderSettings> {
  const run = async (): Promise<ReaderSettings> => {
    const next = validateSettings({ ...(await loadSettings()), ...change });
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  };
  const result = saving.then(run, run);
  saving = result.catch(() => undefined);
  return result;
}

/** Call `cb` with the new settings whenever any context changes them. Returns an unsubscribe. */
export function watchSettings(cb: (s: ReaderSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    cb(validateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
