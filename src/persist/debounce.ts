// A trailing debounce with a ceiling: coalesces bursts of writes (stepping many blocks) into one flush.

/** Runs `task` once pokes pause for `delayMs`, but never later than `maxWaitMs` after the first poke since the last run. */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPokeAt: number | undefined;

  constructor(
    private readonly task: () => void,
    private readonly delayMs: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while a run is scheduled. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** (Re)starts the wait; a steady stream of pokes still runs the task every `maxWaitMs`. */
  poke(): void {
    const t = this.now();
    this.firstPokeAt ??= t;
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPokeAt + this.maxWaitMs - t));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.cancel();
      this.task();
    }, wait);
  }

  /** Drops the scheduled run, if any (flush() calls this before running the task itself). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPokeAt = undefined;
  }
}
