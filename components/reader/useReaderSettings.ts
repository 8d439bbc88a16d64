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
 * and a change made in another tab arrives through `storage.onChanged`.
 */
export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState<ReaderSettings>({ ...DEFAULT_SETTINGS });

  useEffect(() => {
    let live = true;
    const stop = watchSettings((s) => live && setSettings(s));
    loadSettings()
      .then((s) => live && setSettings(s))
      .catch(() => undefined); // Defaults stay; the reader must open even if storage fails.
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
