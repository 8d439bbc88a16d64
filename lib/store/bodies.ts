/**
 * An entry's article body lives in two tables (HTML and sections in `bodies`, plain text in
 * `texts`) and its search terms in a third; these helpers keep them together. Call them inside a
 * transaction over the tables they touch.
 */
import type { QariDb } from './db';
import type { ArticleBody, FullBodyRow } from './entry';

export const bodyTables = (db: QariDb) => [db.bodies, db.texts];

export function putBody(db: QariDb, id: number, body: ArticleBody): Promise<void> {
  return putBodies(db, [{ id, body }]);
}

export async function putBodies(
  db: QariDb,
  items: readonly { id: number; body: ArticleBody }[],
): Promise<void> {
  await Promise.all([
    db.bodies.bulkPut(
      items.map(({ id, body }) => ({ id, content: body.content, sections: body.sections })),
    ),
    db.texts.bulkPut(items.map(({ id, body }) => ({ id, text: body.text }))),
  ]);
}

export async function getBodies(db: QariDb, ids: number[]): Promise<(FullBodyRow | null)[]> {
  const [bodies, texts] = await Promise.all([db.bodies.bulkGet(ids), db.texts.bulkGet(ids)]);
  return ids.map((id, i) => {
    const b = bodies[i];
    const t = texts[i];
    return b && t ? { id, content: b.content, text: t.text, sections: b.sections } : null;
  });
}

export async function getBody(db: QariDb, id: number): Promise<FullBodyRow | null> {
  return (await getBodies(db, [id]))[0] ?? null;
}

/** Remove everything stored for an entry: its row, body, text and search terms. */
export async function deleteEntryData(db: QariDb, id: number): Promise<void> {
  await Promise.all([
    db.articles.delete(id),
    db.bodies.delete(id),
    db.texts.delete(id),
    db.terms.delete(id),
  ]);
}
