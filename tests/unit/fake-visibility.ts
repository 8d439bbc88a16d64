/**
 * IntersectionObserver v2 as the browser drives it: happy-dom never reports, so tests say what
 * the browser would (`report(true)`: the observed elements are really visible). `restore()` puts
 * back the environment's own (not `vi.unstubAllGlobals()`: that also drops the fake browser).
 */
export function fakeVisibility(): {
  report(visible: boolean | undefined): void;
  restore(): void;
} {
  const own = globalThis.IntersectionObserver;
  const observers: FakeObserver[] = [];
  class FakeObserver {
    targets: Element[] = [];
    constructor(
      private readonly callback: IntersectionObserverCallback,
      readonly options?: IntersectionObserverInit,
    ) {
      observers.push(this);
    }
    observe(target: Element): void {
      this.targets.push(target);
    }
    disconnect(): void {
      this.targets = [];
    }
    fire(isVisible: boolean | undefined): void {
      const entries = this.targets.map(
        (target) => ({ target, isIntersecting: true, isVisible }) as unknown,
      ) as IntersectionObserverEntry[];
      if (entries.length) this.callback(entries, this as unknown as IntersectionObserver);
    }
  }
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  return {
    report: (visible) => observers.forEach((o) => o.fire(visible)),
    restore: () => void (globalThis.IntersectionObserver = own),
  };
}
