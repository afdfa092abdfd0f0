// The guide: which lesson step or gallery is open, the reader's prediction, and the engine's answer to each question.
// Routes the page's hash (`#v1/…` share links, `#gallery`, `#lesson/<id>/<step>`). Answers are computed here from the
// epochs the session computed, never taken from the copy.
import { LESSONS, type LessonScenario, type Question, type UidField } from '../copy/lessons/index.ts';
import type { EpochSummary, NeuronMeta, Playground } from './playground.svelte.ts';
import type { Share } from './share.svelte.ts';

/** The engine's answer to a question: the choices offered, which one is right, and the numbers behind it. */
export interface Answer {
  choices: string[];
  correct: number;
  detail: string;
}

export type Route = { kind: 'none' } | { kind: 'share' } | { kind: 'gallery' } | { kind: 'lesson'; id: string; step: number };

/** What a hash asks for; an unknown lesson or step falls back to the lesson's first step. */
export function parseRoute(hash: string): Route {
  if (/^#v[0-9]+\//.test(hash)) return { kind: 'share' };
  if (hash === '#gallery') return { kind: 'gallery' };
  const m = /^#lesson\/([a-z0-9-]+)(?:\/([0-9]{1,3}))?$/.exec(hash);
  if (m && LESSONS.some((l) => l.id === m[1])) return { kind: 'lesson', id: m[1], step: Math.max(1, Number(m[2] ?? 1)) };
  return { kind: 'none' };
}

/** Halvings so far for an issuance (the schedule's formula): k = ⌊log₂(1 / (1 − I / 21 M))⌋. */
export function halvings(issuanceTao: number): number {
  if (issuanceTao >= 21e6) return 64;
  return Math.floor(Math.log2(21e6 / (21e6 - issuanceTao)) + 1e-12);
}

const nameOf = (meta: readonly NeuronMeta[], uid: number) => `${meta[uid]?.name ?? `uid ${uid}`} (uid ${uid})`;
const sum = (v: BigUint64Array) => v.reduce((a, b) => a + Number(b), 0);

/**
 * A uid's value in an epoch: u16 fields as fractions; dividendsPerStake as the uid's share of dividends over its share
 * of alpha stake (1 = paid exactly in proportion to stake).
 */
export function uidValue(e: EpochSummary, field: UidField, uid: number): number {
  if (field === 'dividendsPerStake') {
    const total = e.alphaStake.reduce((a, b) => a + Number(b), 0);
    const dividends = e.dividends.reduce((a, b) => a + b, 0);
    const stakeShare = total > 0 ? Number(e.alphaStake[uid]) / total : 0;
    return stakeShare > 0 && dividends > 0 ? e.dividends[uid] / dividends / stakeShare : 0;
  }
  return e[field][uid] / 65535;
}

const show = (x: number) => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(3) : x.toFixed(4));

/** The engine's answer to `q` in epoch `e` (null before the epoch is computed, except for schedule questions). */
export function answerFor(q: Question, e: EpochSummary | null, meta: readonly NeuronMeta[]): Answer | null {
  if (q.kind === 'halving') {
    const k = Math.min(halvings(q.issuanceTao), 3);
    return { choices: ['1 TAO', '0.5 TAO', '0.25 TAO', '0.125 TAO'], correct: k, detail: `${halvings(q.issuanceTao)} halvings so far: 1 TAO / 2^${halvings(q.issuanceTao)} = ${1 / 2 ** halvings(q.issuanceTao)} TAO per block.` };
  }
  if (!e) return null;
  if (q.kind === 'top') {
    const uids = meta.flatMap((m, uid) => (m.role === q.role ? [uid] : []));
    const values = uids.map((uid) => uidValue(e, q.field, uid));
    const best = values.reduce((bi, v, i) => ((q.lowest ? v < values[bi] : v > values[bi]) ? i : bi), 0);
    return { choices: uids.map((uid) => nameOf(meta, uid)), correct: best, detail: uids.map((uid, i) => `${nameOf(meta, uid)}: ${show(values[i])}`).join('; ') };
  }
  if (q.kind === 'compare') {
    const a = uidValue(e, q.field, q.a);
    const b = uidValue(e, q.field, q.b);
    const close = Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
    return {
      choices: [`${nameOf(meta, q.a)} is higher`, `${nameOf(meta, q.b)} is higher`, 'About the same (within 1 %)'],
      correct: close ? 2 : a > b ? 0 : 1,
      detail: `${nameOf(meta, q.a)}: ${show(a)}; ${nameOf(meta, q.b)}: ${show(b)}${q.field === 'dividendsPerStake' ? ' (share of dividends ÷ share of stake; 1 = in proportion)' : ''}.`,
    };
  }
  const value = q.field === 'minerShare' ? sum(e.serverEmission) / Math.max(1, sum(e.emission)) : uidValue(e, q.field, q.uid ?? 0);
  const index = q.ranges.findIndex(([, lo, hi]) => value >= lo && value < hi);
  return { choices: q.ranges.map(([label]) => label), correct: index, detail: `The engine computed ${show(value)}${q.field === 'minerShare' ? ' of the epoch’s emission' : ''}.` };
}

/** Turns a lesson's scenario into a trace text to load (injected: the gallery and lesson cases live in ui/). */
export type ScenarioResolver = (s: Exclude<LessonScenario, { preset: string }>) => Promise<{ text: string; label: string; story: string }>;

export class Guide {
  panel: 'none' | 'gallery' | 'lesson' = $state('none');
  lessonId = $state(LESSONS[0].id);
  /** 0-based step. */
  step = $state(0);
  picked: number | null = $state(null);
  revealed = $state(false);
  loading = $state(false);

  lesson = $derived(LESSONS.find((l) => l.id === this.lessonId) ?? LESSONS[0]);
  current = $derived(this.lesson.steps[this.step] ?? this.lesson.steps[0]);
  /** The engine's answer for the open step (null until its epoch is computed). */
  get answer(): Answer | null {
    return answerFor(this.current.question, this.pg.history[this.current.epoch - 1] ?? null, this.pg.meta);
  }

  private loadedKey = '';

  constructor(
    private pg: Playground,
    private share: Share,
    private resolve: ScenarioResolver,
    private host: { location: Pick<Location, 'hash' | 'pathname' | 'search'>; history: Pick<History, 'replaceState'> } = { location, history },
  ) {}

  /** Acts on the address's hash: a share link, the gallery or a lesson step. Called on load and on hashchange. */
  async route(): Promise<void> {
    const r = parseRoute(this.host.location.hash);
    if (r.kind === 'share') {
      this.panel = 'none';
      await this.share.openFromHash();
    } else if (r.kind === 'gallery') this.panel = 'gallery';
    else if (r.kind === 'lesson') await this.openLesson(r.id, r.step - 1);
  }

  showGallery(): void {
    this.panel = 'gallery';
    this.setHash('#gallery');
  }

  close(): void {
    this.panel = 'none';
    if (/^#(gallery|lesson\/)/.test(this.host.location.hash)) this.setHash('');
  }

  /** Opens step `step` (0-based) of a lesson: loads its subnet when it differs, runs or scrubs to its epoch, opens its view. */
  async openLesson(id: string, step: number): Promise<void> {
    const lesson = LESSONS.find((l) => l.id === id) ?? LESSONS[0];
    this.panel = 'lesson';
    this.lessonId = lesson.id;
    this.step = Math.min(Math.max(0, step), lesson.steps.length - 1);
    this.picked = null;
    this.revealed = false;
    this.setHash(`#lesson/${lesson.id}/${this.step + 1}`);
    const s = this.current;
    this.loading = true;
    try {
      const key = JSON.stringify(s.scenario);
      if (key !== this.loadedKey || this.pg.preset !== ('preset' in s.scenario ? s.scenario.preset : 'file')) {
        const ok = 'preset' in s.scenario
          ? (await this.pg.loadPreset(s.scenario.preset), !this.pg.error)
          : await this.resolve(s.scenario).then(({ text, label, story }) => this.pg.loadScenarioText(text, label, story));
        if (!ok) return;
        this.loadedKey = key;
      }
      if (this.pg.epochs < s.epoch) await this.pg.run(s.epoch - this.pg.epochs);
      await this.pg.jump(s.epoch);
      this.pg.tab = s.view;
    } finally {
      this.loading = false;
    }
  }

  go(delta: number): Promise<void> {
    return this.openLesson(this.lessonId, this.step + delta);
  }

  /** The hash of a lesson step, for links. */
  static stepHash(id: string, step: number): string {
    return `#lesson/${id}/${step + 1}`;
  }

  private setHash(hash: string): void {
    const { hash: now, pathname, search } = this.host.location;
    if (now !== hash) this.host.history.replaceState(null, '', hash === '' ? pathname + search : hash);
  }
}
