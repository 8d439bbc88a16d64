/**
 * A V8 CPU profile of one page over CDP, summarized as self time per function (`BENCH_TRACE` in
 * the library section): where a measured path spends its time, read rather than guessed.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

// Samples every 100 µs: a 20 ms search gets ~200 samples.
const SAMPLING_US = 100;
const TOP = 25;

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
}

const shortUrl = (url: string) => url.replace(/^.*\//, '') || '(native)';

/** Stop the profiler and print the functions with the most self time. */
export async function stopProfile(cdp: CDPSession, label: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n### CPU profile: ${label} (${total.toFixed(0)} ms wall)`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(
      `${ms.toFixed(1).padStart(9)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`,
    );
}
