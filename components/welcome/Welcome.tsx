import { useEffect, useState } from 'preact/hooks';
import { label } from '@/lib/popup/labels';
import { SUGGESTED_SHORTCUTS } from '@/lib/reader/shortcut-keys';
import { browserShortcuts, type Shortcuts } from '@/lib/reader/shortcuts';

/**
 * What a new reader needs first: what the badge and the page button mean, how to pin the icon,
 * the two shortcuts as the browser has them bound, and which site access is asked for, when.
 */
export function Welcome() {
  const [keys, setKeys] = useState<Shortcuts>(SUGGESTED_SHORTCUTS);
  useEffect(() => {
    browserShortcuts().then(setKeys, () => undefined);
  }, []);
  const key = (k: string) => (k ? <kbd dir="ltr">{k}</kbd> : label('welcomeKeyUnset'));
  return (
    <main class="qari-welcome">
      <header class="qari-welcome-head">
        <img src="/icon/128.png" alt="" />
        <h1>{label('welcomeTitle')}</h1>
      </header>
      <p>{label('welcomeIntro')}</p>

      <h2>{label('welcomeBadgeTitle')}</h2>
      <p>
        <span class="qari-badge-sample" aria-hidden="true">
          {label('welcomeBadgeSample')}
        </span>{' '}
        {label('welcomeBadge')}
      </p>
      <p>{label('welcomeButton')}</p>
      <p>{label('welcomeButtonHide')}</p>

      <h2>{label('welcomePinTitle')}</h2>
      <p>{label('welcomePin')}</p>

      <h2>{label('welcomeKeysTitle')}</h2>
      <dl class="qari-welcome-keys">
        <dt>{key(keys['toggle-reader'])}</dt>
        <dd>{label('welcomeKeyReader')}</dd>
        <dt>{key(keys['save-page'])}</dt>
        <dd>{label('welcomeKeySave')}</dd>
      </dl>
      <p>{label('welcomeKeysChange')}</p>

      <h2>{label('welcomeAccessTitle')}</h2>
      <p>{label('welcomeAccessInstall')}</p>
      <p>{label('welcomeAccessFetch')}</p>
      <p>{label('welcomeAccessNothingSent')}</p>
    </main>
  );
}
