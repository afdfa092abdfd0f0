// One queue for every chart redraw on the page: one chart per task, and after each the queue rests as long as the
// redraw took, so charts never take more than about half of the main thread and never pile into one long frame.

type Job = () => void;
const queue = new Set<Job>();
let timer: ReturnType<typeof setTimeout> | undefined;
let rest = 0;

/** Asks for `job` to run soon; a job already waiting is not queued twice (it will read the newest data when it runs). */
export function requestRedraw(job: Job): void {
  queue.add(job);
  pump();
}

/** Forgets a waiting job (a chart that went away). */
export function cancelRedraw(job: Job): void {
  queue.delete(job);
}

function pump(): void {
  if (timer !== undefined || queue.size === 0) return;
  timer = setTimeout(() => {
    timer = undefined;
    const job = queue.values().next().value;
    if (job === undefined) return; // every waiting chart went away
    queue.delete(job);
    const started = performance.now();
    try {
      job();
    } finally {
      rest = Math.max(16, performance.now() - started);
      pump();
    }
  }, rest);
}
