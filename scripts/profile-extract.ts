/**
 * Where extraction spends its time in Chromium: a CPU profile of `tab:extract` on one page,
 * self time summed by function. `npx tsx scripts/profile-extract.ts [URL path under /shared/]`
 */
import { launch, tabIdOf } from '../tests/e2e/fixtures';
import { askBackground, waitForTabState } from './lib/eval-page';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? '/shared/fixtures/seed-article.html';
  const l = await launch();
  const page = await l.context.newPage();
  await page.goto(l.server.url(path));
  const tabId = await tabIdOf(l, page);
  await waitForTabState(l, tabId);
  const warm = Number(process.env.WARM ?? 0);
  for (let i = 0; i < warm; i++) await askBackground(l, 'tab:extract', { tabId });
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const res = await askBackground<{ ok: boolean; timings?: { extractMs: number } }>(
    l,
    'tab:extract',
    { tabId },
  );
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('extractMs', res.timings?.extractMs);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(v.toFixed(1).padStart(7), k);
  await l.close();
}
void main();
