import { launch, tabIdOf, type Launched } from './fixtures';

let l: Launched;
beforeAll(async () => {
  l = await launch();
});
afterAll(async () => {
  await l?.close();
});

describe('the built extension in Chromium', () => {
  it('runs its content script and reports detection to the background', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url('/pages/sample-article.html'));
    const popup = await l.extensionPage('popup.html');
    const tabId = await tabIdOf(l, page);
    const state = await popup.evaluate(async (id) => {
      for (let i = 0; i < 50; i++) {
        const s = await chrome.runtime.sendMessage({ type: 'tab:state', payload: { tabId: id } });
        if (s) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    }, tabId);
    expect(state).not.toBeNull();
    expect(state.title).toContain('مكتبات الأحياء');
  });
});
