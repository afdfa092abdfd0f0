// Watches main-thread long tasks (PerformanceObserver 'longtask', Chromium): the page shows the longest one it saw,
// so "nothing freezes" is something a user can check. No-op where the entry type is not supported.
export class LongTasks {
  max = $state(0);
  count = $state(0);

  start(): void {
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        this.count++;
        if (e.duration > this.max) this.max = Math.round(e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  }
}
