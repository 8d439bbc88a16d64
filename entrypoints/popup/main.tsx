import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ask } from '@/lib/messaging';

function Popup() {
  const openReader = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await ask('reader:open', { tabId: tab.id });
    window.close();
  };
  return (
    <main>
      <button type="button" onClick={() => void openReader()}>
        {browser.i18n.getMessage('popupReader') || 'وضع القراءة'}
      </button>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
