/**
 * Reading an entry's article body, which lives in two tables (HTML and sections in `bodies`,
 * plain text in `texts`). Only the write path (`lib/store/write.ts`) writes them.
 */
import type { QariDb } from './db';
import type { FullBodyRow } from './entry';

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
