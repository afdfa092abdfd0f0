// The main-thread engine client (src/engine/client.ts) in node: latestWins on a hand-driven async function, and
// createEngineClient over comlink with a stand-in Worker whose other end is the real engine API (real wasm).
import * as Comlink from 'comlink';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEngineApi } from '../../src/engine/api.ts';
import { SupersededError, createEngineClient, latestWins } from '../../src/engine/client.ts';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine, EpochInput } from '../../src/model/epoch.ts';
import { epochInputArb, firstDifference } from './arbitraries.ts';

/** An async function whose calls the test settles by hand. */
function handDriven<A extends unknown[]>() {
  const calls: { args: A; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const fn = (...args: A) => new Promise<string>((resolve, reject) => calls.push({ args, resolve, reject }));
  return { fn, calls };
}

/** Lets every queued microtask and timer of this tick run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** 'pending' if `p` has not settled within a few turns of the event loop, else its outcome. */
async function outcome<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown } | 'pending'> {
  const timeout = new Promise<'pending'>((r) => setTimeout(() => r('pending'), 30));
  return Promise.race([p.then((value) => ({ value }), (error: unknown) => ({ error })), timeout]);
}

describe(latestWins, () => {
  it('runs a lone call and settles it with the function’s result', async () => {
    const { fn, calls } = handDriven<[number]>();
    const call = latestWins(fn);
    const p = call(7);
    await settle();
    expect(calls.map((c) => c.args)).toEqual([[7]]);
    calls[0].resolve('seven');
    await expect(p).resolves.toBe('seven');
  });

  it('collapses calls made in the same tick to the last one; the others reject with SupersededError', async () => {
    const { fn, calls } = handDriven<[number]>();
    const call = latestWins(fn);
    const [a, b, c] = [call(1), call(2), call(3)].map((p, k) => (k < 2 ? p.catch((e: unknown) => e) : p));
    expect(await a).toBeInstanceOf(SupersededError);
    expect(String(await b)).toBe('SupersededError: superseded by a newer engine call');
    await settle();
    expect(calls.map((x) => x.args)).toEqual([[3]]);
    calls[0].resolve('three');
    await expect(c).resolves.toBe('three');
  });

  it('never runs two calls at once, lets a started call finish, and runs only the newest waiting call next', async () => {
    const { fn, calls } = handDriven<[string]>();
    const call = latestWins(fn);
    const first = call('a');
    await settle();
    const [second, third] = [call('b'), call('c')];
    const secondError = second.catch((e: unknown) => e);
    await settle();
    expect(calls.map((x) => x.args)).toEqual([['a']]); // 'c' waits for 'a'
    expect(await secondError).toBeInstanceOf(SupersededError);
    const order: string[] = [];
    first.then((v) => order.push(v));
    third.then((v) => order.push(v));
    calls[0].resolve('A');
    await settle();
    expect(calls.map((x) => x.args)).toEqual([['a'], ['c']]);
    calls[1].resolve('C');
    await expect(Promise.all([first, third])).resolves.toEqual(['A', 'C']);
    expect(order).toEqual(['A', 'C']); // the newest call settles last, so its result is the one left on screen
  });

  it('runs a call made after the previous one settled without superseding anything', async () => {
    const { fn, calls } = handDriven<[number]>();
    const call = latestWins(fn);
    const p1 = call(1);
    await settle();
    calls[0].resolve('one');
    await expect(p1).resolves.toBe('one');
    const p2 = call(2);
    await settle();
    calls[1].resolve('two');
    await expect(p2).resolves.toBe('two');
  });

  it('passes a rejection to its caller and keeps serving later calls', async () => {
    const { fn, calls } = handDriven<[number]>();
    const call = latestWins(fn);
    const p1 = call(1);
    await settle();
    calls[0].reject(new Error('engine crashed'));
    await expect(p1).rejects.toThrow('engine crashed');
    const p2 = call(2);
    await settle();
    calls[1].resolve('two');
    await expect(p2).resolves.toBe('two');
  });

  it('settles the caller and keeps serving later calls when the function throws instead of rejecting', async () => {
    let first = true;
    const call = latestWins(async (x: number) => x);
    const throwing = latestWins((x: number): Promise<number> => {
      if (first) {
        first = false;
        throw new Error('threw synchronously');
      }
      return Promise.resolve(x);
    });
    expect(await outcome(call(1))).toEqual({ value: 1 });
    const p1 = outcome(throwing(1));
    expect(await p1).toEqual({ error: new Error('threw synchronously') });
    expect(await outcome(throwing(2))).toEqual({ value: 2 });
  });
});

// ---- the real client over comlink ----

let compiled: WebAssembly.Module;
let local: EpochEngine;
beforeAll(async () => {
  local = await loadWasmEngineNode(); // builds src/generated/engine.wasm when stale
  compiled = await WebAssembly.compile(await readFile(new URL('../../src/generated/engine.wasm', import.meta.url)));
});

/** Stands in for the browser's module Worker: its other end runs the engine API exactly as worker.ts exposes it. */
class FakeWorker {
  static last: FakeWorker | undefined;
  readonly port: MessagePort;
  readonly inside: MessagePort;
  terminated = false;
  constructor(
    readonly url: URL | string,
    readonly options?: WorkerOptions,
  ) {
    const { port1, port2 } = new MessageChannel();
    [this.port, this.inside] = [port1, port2];
    Comlink.expose(makeEngineApi(async () => compiled), port2 as unknown as Comlink.Endpoint);
    FakeWorker.last = this;
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.port.postMessage(message, transfer as never);
  }
  addEventListener(type: 'message', listener: (e: MessageEvent) => void) {
    this.port.addEventListener(type, listener as never);
    this.port.start();
  }
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void) {
    this.port.removeEventListener(type, listener as never);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
    this.inside.close();
  }
}

afterEach(() => {
  FakeWorker.last?.terminate();
  FakeWorker.last = undefined;
  vi.unstubAllGlobals();
});

const inputs = (count: number) => fc.sample(epochInputArb({ minN: 1, maxN: 24 }), { seed: 4242, numRuns: count });

describe(createEngineClient, () => {
  it('starts engine/worker.ts as a module worker and names the engine', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createEngineClient();
    const worker = FakeWorker.last!;
    expect(String(worker.url)).toMatch(/\/src\/engine\/worker\.ts$/);
    expect(worker.options).toEqual({ type: 'module', name: 'engine' });
    expect(await client.version()).toBe('wasm');
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('returns what the engine computes in-process, bit for bit and intermediates included, across structured clone', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createEngineClient();
    for (const input of inputs(6)) {
      const remote = await client.runEpoch(input, { intermediates: true });
      expect(firstDifference(local.runEpoch(input, { intermediates: true }), remote)).toBeNull();
    }
    client.dispose();
  });

  it('lets the newest of a burst of calls win: a started call finishes, waiting ones are superseded', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createEngineClient();
    const [a, b, c, d] = inputs(4);
    const started = client.runEpoch(a);
    await settle(); // `a` is now in the worker
    const [b1, c1, d1] = [b, c, d].map((x) => client.runEpoch(x));
    const superseded = [b1, c1].map((p) => p.catch((e: unknown) => e));
    const settledOrder: EpochInput[] = [];
    for (const [p, x] of [[started, a], [d1, d]] as const) p.then(() => settledOrder.push(x));
    for (const e of await Promise.all(superseded)) expect(e).toBeInstanceOf(SupersededError);
    expect(firstDifference(local.runEpoch(a), await started)).toBeNull();
    expect(firstDifference(local.runEpoch(d), await d1)).toBeNull();
    expect(settledOrder).toEqual([a, d]);
    client.dispose();
  });
});
