/** A saved entry whose article could not be fetched is no dead end: retry, delete, or the list. */
import { render } from 'preact';
import { BodyFetch } from '@/components/library/BodyFetch';
import { readerLabels } from '@/lib/reader/labels';
import { preactRoot, settle } from './preact-root';

const view = preactRoot();

describe('the failed-entry page', () => {
  it('offers retry, delete and the list, each doing its own thing', async () => {
    const calls: string[] = [];
    const state = {
      kind: 'failed' as const,
      reason: 'syncFetchBodyFailed' as const,
      url: 'https://news.example/a',
      onRetry: () => calls.push('retry'),
      onDelete: () => calls.push('delete'),
      onList: () => calls.push('list'),
    };
    render(<BodyFetch state={state} />, view.get());
    await settle();
    const buttons = [...view.get().querySelectorAll('button')];
    const named = (text: string) => buttons.find((b) => b.textContent === text)!;
    const labels = readerLabels();
    named(labels.readerDelete).click();
    named(labels.readerBackToList).click();
    buttons
      .find(
        (b) => b.textContent !== labels.readerDelete && b.textContent !== labels.readerBackToList,
      )!
      .click();
    expect(calls).toEqual(['delete', 'list', 'retry']);
  });
});
