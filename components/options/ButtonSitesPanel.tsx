import { useEffect, useState } from 'preact/hooks';
import { label } from '@/lib/popup/labels';

export interface ButtonSitesEnv {
  hiddenSites: () => Promise<string[]>;
  setButtonHidden: (site: string, hidden: boolean) => Promise<unknown>;
}

/** The sites where the reader hid the page's reader-mode button, each with a way to show it again. */
export function ButtonSitesPanel({ env }: { env: ButtonSitesEnv }) {
  const [sites, setSites] = useState<string[] | null>(null);
  useEffect(() => {
    env.hiddenSites().then(setSites, () => setSites([]));
  }, [env]);
  const show = async (site: string) => {
    await env.setButtonHidden(site, false);
    setSites((s) => (s ?? []).filter((x) => x !== site));
  };
  return (
    <section class="qari-button-sites" aria-busy={sites === null}>
      <h2>{label('optionsButtonSitesTitle')}</h2>
      {sites?.length === 0 && <p>{label('optionsButtonSitesNone')}</p>}
      {sites && sites.length > 0 && (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              <bdi dir="ltr">{site}</bdi>{' '}
              <button type="button" class="qari-link" onClick={() => void show(site)}>
                {label('optionsButtonSiteShow')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
