import { commandRunner } from '@/lib/page';
import type { ModuleName } from '@/lib/page/registry';

describe('the always-on script handing a command to the reader code', () => {
  it('asks for the extraction bundle beside the reader code, before the reader code has loaded', async () => {
    const asked: ModuleName[] = [];
    let release: () => void = () => undefined;
    const readerLoaded = new Promise<void>((r) => (release = r));
    const handled: unknown[] = [];
    const load = (async (name: ModuleName) => {
      asked.push(name);
      if (name === 'reader-tab') {
        await readerLoaded;
        return (cmd: unknown) => (handled.push(cmd), Promise.resolve('answer'));
      }
      return () => undefined;
    }) as Parameters<typeof commandRunner>[0];
    const [run] = commandRunner(load);
    const answer = run({ type: 'reader:toggle' });
    await Promise.resolve();
    expect([...asked].sort()).toEqual(['extract-tab', 'reader-tab']);
    expect(handled).toEqual([]);
    release();
    await expect(answer).resolves.toBe('answer');
    expect(handled).toEqual([{ type: 'reader:toggle' }]);
  });

  it('still answers when the extraction bundle fails to load (the reader code reports it)', async () => {
    const load = (async (name: ModuleName) => {
      if (name === 'extract-tab') throw new Error('blocked');
      return () => Promise.resolve('shown');
    }) as Parameters<typeof commandRunner>[0];
    await expect(commandRunner(load)[0]({ type: 'reader:show' })).resolves.toBe('shown');
  });

  it('loads both bundles on warm, runs no command, and swallows a failed load', async () => {
    const asked: ModuleName[] = [];
    const handled: unknown[] = [];
    const load = (async (name: ModuleName) => {
      asked.push(name);
      if (name === 'reader-tab') throw new Error('blocked');
      return (cmd: unknown) => handled.push(cmd);
    }) as Parameters<typeof commandRunner>[0];
    const [, warm] = commandRunner(load);
    expect(warm()).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect([...asked].sort()).toEqual(['extract-tab', 'reader-tab']);
    expect(handled).toEqual([]);
  });
});
