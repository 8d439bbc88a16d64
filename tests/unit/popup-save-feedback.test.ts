import { saveOutcome } from '@/lib/background/save-feedback';
import type { TabState } from '@/lib/messages';
import { askBeforeSaving } from '@/lib/popup/save-check';
import { makeArticle } from './store-fixtures';

const state = (isArticle: boolean, language: string): TabState => ({
  detection: { isArticle, isArabic: language === 'ar', language, signals: [] },
  title: '',
  detectMs: 1,
});
const saved = async () => ({
  ok: true as const,
  created: true,
  entry: { id: 1, article: makeArticle() } as never,
});

describe('every save path asks the same question first', () => {
  it('asks on a Persian or Urdu article and on an Arabic non-article, not on an Arabic article', () => {
    expect(askBeforeSaving(state(true, 'fa').detection)).toBe(true);
    expect(askBeforeSaving(state(true, 'ur').detection)).toBe(true);
    expect(askBeforeSaving(state(false, 'ar').detection)).toBe(true);
    expect(askBeforeSaving(state(true, 'ar').detection)).toBe(false);
    // Not reported (a page loaded before the extension): saved at once, as the popup does.
    expect(askBeforeSaving(null)).toBe(false);
  });

  it('the keyboard command on an Urdu page asks instead of saving silently', async () => {
    const save = vi.fn(saved);
    const cmd = await saveOutcome(7, false, { save, detection: () => state(true, 'ur') });
    expect(cmd).toEqual({ type: 'page:toast', key: 'saveNotArticle', error: true, ask: true });
    expect(save).not.toHaveBeenCalled();
  });

  it('"save anyway" saves and says so', async () => {
    const save = vi.fn(saved);
    const cmd = await saveOutcome(7, true, { save, detection: () => state(true, 'ur') });
    expect(save).toHaveBeenCalledWith(7);
    expect(cmd).toEqual({ type: 'page:toast', key: 'saveDone', error: false, ask: false });
  });

  it('a failure is said with its own message, not swallowed', async () => {
    const failing = async () =>
      ({ ok: false, code: 'extract-failed', messageKey: 'libraryErrorExtract' }) as const;
    const cmd = await saveOutcome(7, false, { save: failing, detection: () => state(true, 'ar') });
    expect(cmd).toMatchObject({ key: 'libraryErrorExtract', error: true });
    const throwing = async () => Promise.reject(new Error('gone'));
    const cmd2 = await saveOutcome(7, false, { save: throwing, detection: () => null });
    expect(cmd2).toMatchObject({ key: 'saveFailed', error: true });
  });
});
