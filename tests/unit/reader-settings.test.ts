import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  LINE_HEIGHT,
  SETTINGS_KEY,
  loadSettings,
  saveSettings,
  validateSettings,
  watchSettings,
  type ReaderSettings,
} from '@/lib/reader/settings';

beforeEach(() => fakeBrowser.reset());

describe('validateSettings', () => {
  it('gives the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'dark', [], true]) {
      expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('defaults to Naskh, line height near 1.9, system theme, no justification', () => {
    expect(DEFAULT_SETTINGS.font).toBe('naskh');
    expect(DEFAULT_SETTINGS.lineHeight).toBeGreaterThanOrEqual(1.8);
    expect(DEFAULT_SETTINGS.lineHeight).toBeLessThanOrEqual(2);
    expect(DEFAULT_SETTINGS.theme).toBe('system');
    expect(DEFAULT_SETTINGS.justify).toBe(false);
  });

  it('keeps valid values', () => {
    const s: ReaderSettings = {
      fontSize: 24,
      font: 'sans',
      lineHeight: 2.2,
      width: 'wide',
      theme: 'sepia',
      justify: true,
      images: false,
    };
    expect(validateSettings(s)).toEqual(s);
  });

  it('shows images unless the reader turned them off; a stored non-boolean shows them', () => {
    expect(DEFAULT_SETTINGS.images).toBe(true);
    expect(validateSettings({ images: false }).images).toBe(false);
    expect(validateSettings({ images: 'no' }).images).toBe(true);
  });

  it('replaces each bad field with its default and keeps the good ones', () => {
    const got = validateSettings({
      fontSize: 'big',
      font: 'comic-sans',
      lineHeight: Number.NaN,
      width: 'wide',
      theme: 'dark',
      justify: 'yes',
      extra: 1,
    });
    expect(got).toEqual({ ...DEFAULT_SETTINGS, width: 'wide', theme: 'dark' });
    expect(got).not.toHaveProperty('extra');
  });

  it('clamps numbers into range and snaps them to the step', () => {
    expect(validateSettings({ fontSize: 999 }).fontSize).toBe(FONT_SIZE.max);
    expect(validateSettings({ fontSize: -3 }).fontSize).toBe(FONT_SIZE.min);
    expect(validateSettings({ fontSize: 21.6 }).fontSize).toBe(22);
    expect(validateSettings({ lineHeight: 10 }).lineHeight).toBe(LINE_HEIGHT.max);
    expect(validateSettings({ lineHeight: 1.87 }).lineHeight).toBe(1.9);
    expect(validateSettings({ fontSize: Infinity }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  it('does not accept inherited or prototype keys as values', () => {
    expect(validateSettings({ theme: 'toString', font: '__proto__' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings in browser.storage.local', () => {
  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips a saved change under one key, merged with what was stored', async () => {
    await saveSettings({ theme: 'dark' });
    await saveSettings({ fontSize: 26 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 26 });
    const raw = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(raw)).toEqual([SETTINGS_KEY]);
  });

  it('keeps both of two changes saved without waiting', async () => {
    await Promise.all([saveSettings({ theme: 'sepia' }), saveSettings({ justify: true })]);
    expect(await loadSettings()).toMatchObject({ theme: 'sepia', justify: true });
  });

  it('validates what it finds in storage', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { fontSize: 500, theme: 'neon' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, fontSize: FONT_SIZE.max });
  });

  it('notifies watchers of changes made anywhere, validated, until unsubscribed', async () => {
    const seen: ReaderSettings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ width: 'narrow' });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { theme: 'dark', fontSize: 'x' } });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await saveSettings({ width: 'wide' });
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, width: 'narrow' },
      { ...DEFAULT_SETTINGS, theme: 'dark' },
    ]);
  });
});
