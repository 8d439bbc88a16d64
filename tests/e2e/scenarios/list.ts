/**
 * The reading list's page (popup.html, in a tab) as a reader uses it in every browser: opened
 * once its list has loaded, searched by typing, its rows and highlighted words read.
 */
import { until, type Driver, type Tab } from './driver';

export const ROW = '[role="listitem"][data-entry-id]';
const SEARCH_BOX = '#qari-search';

/** The list page once its list has loaded. */
export async function openList(driver: Driver): Promise<Tab> {
  const list = await driver.extensionTab('popup.html');
  await until(
    'the list page to finish loading',
    () => list.evaluate(() => !!document.querySelector('.qari-popup[aria-busy="false"]')),
    true,
  );
  return list;
}

/** `query` typed in the search box; resolves once the list shows its results. */
export async function search(list: Tab, query: string): Promise<void> {
  await list.fill(SEARCH_BOX, query);
  const done = `.qari-popup[data-query=${JSON.stringify(query.trim())}][aria-busy="false"]`;
  await until(
    `the results for «${query}»`,
    () => list.evaluate((sel) => !!document.querySelector(sel), done),
    true,
  );
}

/** The text of each row shown. */
export const rowTexts = (list: Tab): Promise<string[]> =>
  list.evaluate((row) => [...document.querySelectorAll(row)].map((r) => r.textContent ?? ''), ROW);

/** The words the list highlights as matches. */
export const marks = (list: Tab): Promise<string[]> =>
  list.evaluate(() => [...document.querySelectorAll('mark')].map((m) => m.textContent ?? ''));
