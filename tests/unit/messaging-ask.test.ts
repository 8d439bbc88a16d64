import browser from 'webextension-polyfill';
import { ask, NoAnswerError } from '@/lib/messaging';
import { libraryClient } from '@/lib/popup/library-client';
import { freshDb, dropDb } from './store-fixtures';

afterEach(() => vi.restoreAllMocks());

describe('ask', () => {
  it('rejects with the message type when nobody answers, instead of resolving to undefined', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const asking = ask('library:setStatus', { id: 1, patch: { read: true } });
    await expect(asking).rejects.toBeInstanceOf(NoAnswerError);
    await expect(asking).rejects.toThrow('library:setStatus');
  });

  it('gives the popup its own error key when the background does not answer', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const db = freshDb();
    try {
      const client = libraryClient(db);
      await expect(client.setStatus(1, { read: true })).rejects.toMatchObject({
        messageKey: 'popupError',
      });
      await expect(client.saveTab(1)).resolves.toEqual({ ok: false, messageKey: 'popupError' });
    } finally {
      await dropDb(db);
    }
  });
});
