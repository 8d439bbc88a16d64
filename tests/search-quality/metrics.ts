/** The table's measures, the same for every engine compared. */
import type { QualityQuery } from './queries';

const TOP = 10;

export interface Metrics {
  /** Share of answerable queries whose first result is the article wanted first. */
  p1: number;
  /** Mean share of a query's expected articles found in the first 10. */
  recall10: number;
  /** Share of answerable queries with no result at all. */
  noResult: number;
  /** Mean number of results in the first 10 that the query does not expect (answerable ones). */
  wrong10: number;
  /** Must-find-nothing queries that found something. */
  falseHits: number;
  answerable: number;
  none: number;
}

export interface QueryOutcome {
  query: QualityQuery;
  ids: string[];
}

export function measure(outcomes: QueryOutcome[]): Metrics {
  const answerable = outcomes.filter((o) => o.query.expect.length > 0);
  const none = outcomes.filter((o) => o.query.expect.length === 0);
  const mean = (f: (o: QueryOutcome) => number) =>
    answerable.reduce((n, o) => n + f(o), 0) / Math.max(1, answerable.length);
  return {
    p1: mean((o) => (o.ids[0] === o.query.expect[0] ? 1 : 0)),
    recall10: mean((o) => {
      const top = new Set(o.ids.slice(0, TOP));
      return o.query.expect.filter((id) => top.has(id)).length / o.query.expect.length;
    }),
    noResult: mean((o) => (o.ids.length === 0 ? 1 : 0)),
    wrong10: mean((o) => o.ids.slice(0, TOP).filter((id) => !o.query.expect.includes(id)).length),
    falseHits: none.filter((o) => o.ids.length > 0).length,
    answerable: answerable.length,
    none: none.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line per engine, for the test's output. */
export function formatRow(name: string, m: Metrics): string {
  return [
    name.padEnd(14),
    `P@1 ${pct(m.p1).padStart(6)}`,
    `recall@10 ${pct(m.recall10).padStart(6)}`,
    `no result ${pct(m.noResult).padStart(6)}`,
    `wrong@10 ${m.wrong10.toFixed(2)}`,
    `must-find-nothing hit ${m.falseHits}/${m.none}`,
  ].join(' | ');
}
