/**
 * `npm run bench -- always-on`: the always-on script's whole task per page.
 */
import { benchAlwaysOnTask } from '../lib/always-on-bench';
import { RUNS, AB_DIR, pagesServer } from './common';

/** The always-on script's whole task per page (trace), beside the floor any such script pays. */
export async function benchAlwaysOn(): Promise<void> {
  const { sets, server } = await pagesServer();
  try {
    const urls = sets.flatMap((s) => s.files.map((f) => server.url(s.prefix + f)));
    await benchAlwaysOnTask(server, urls, RUNS, AB_DIR);
  } finally {
    await server.close();
  }
}
