import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  validateSettings,
  watchSettings,
  type ReaderSettings,
} from '@/lib/reader/settings';

/**
 * The stored reader settings, live: a change made here shows at once (before storage answers)
 * and a change made in another tab arrives through `storage.onChanged`. Given the settings
 * already read, the first render uses them; otherwise it shows the defaults until storage answers.
 */
export function useReaderSettings(
  initial?: ReaderSettings,
): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState<ReaderSettings>(() => ({
    ...(initial ?? DEFAULT_SETTINGS),
  }));

  useEffect(() => {
    let live = true;
    const stop = watchSettings((s) => live && setSettings(s));
    // Settings read before the view mounted are current: the watch covers later changes.
    if (!initial) {
      loadSettings()
        .then((s) => live && setSettings(s))
        .catch(() => undefined); // Defaults stay; the reader must open even if storage fails.
    }
    return () => {
      live = false;
      stop();
    };
  }, []);

  const update = useCallback((change: Partial<ReaderSettings>) => {
    setSettings((s) => validateSettings({ ...s, ...change }));
    saveSettings(change).catch(() => undefined);
  }, []);

  return [settings, update];
}
