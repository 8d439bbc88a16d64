import { useEffect, useState } from 'preact/hooks';
import type { ButtonSite } from '@/lib/messages';
import { label } from '@/lib/popup/labels';

export interface ButtonSiteEnv {
  targetTab: () => Promise<number | undefined>;
  buttonSite: (tabId: number) => Promise<ButtonSite>;
  setButtonHidden: (site: string, hidden: boolean) => Promise<unknown>;
}

/**
 * Hide the page's reader-mode button on the current tab's site, or show it there again (the
 * undo; the options page lists every site where it is hidden).
 */
export function ButtonSiteToggle({ env }: { env: ButtonSiteEnv }) {
  const [state, setState] = useState<ButtonSite | null>(null);
  useEffect(() => {
    env
      .targetTab()
      .then((tabId) => (tabId === undefined ? null : env.buttonSite(tabId)))
      .then(setState, () => undefined);
  }, [env]);
  if (!state?.site) return null;
  const { site, hidden } = state;
  const toggle = async () => {
    await env.setButtonHidden(site, !hidden);
    setState({ site, hidden: !hidden });
  };
  return (
    <span class="qari-button-site">
      <button type="button" class="qari-link" onClick={() => void toggle().catch(() => undefined)}>
        {label(hidden ? 'popupButtonShow' : 'popupButtonHide')}
      </button>
    </span>
  );
}
