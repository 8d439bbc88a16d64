/** Addresses the popup works with: the tab it acts on and a saved article's page. */

const TAB_PARAM = 'tab';
const SAVED_PAGE = '/saved.html';

/** The tab id named by `?tab=ID`, or null when the query names none (a valid one). */
export function targetTabFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get(TAB_PARAM);
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The extension path of the page that shows saved article `id`. */
export function savedArticleUrl(id: number): `/saved.html?id=${number}` {
  return `${SAVED_PAGE}?id=${id}` as `/saved.html?id=${number}`;
}
