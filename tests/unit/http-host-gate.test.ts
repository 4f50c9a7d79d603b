// The politeness gate's queues (src/http/host-gate.ts): per host one request at a time, in the
// order asked, with the host's delay between one's end and the next one's start; across hosts
// at most `concurrency` at once, started in the order asked; a failure passes the turn on.
import { describe, expect, it } from 'vitest';
import { HostGate, Limiter, onWakeGrid } from '../../src/http/host-gate.js';

/** A task that runs until `done()` is called (or `fail()`), logging its start and end. */
function controlled(log: string[], name: string) {
  let settle!: { done: () => void; fail: () => void };
  const fn = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      settle = {
        done: () => {
          log.push(`end ${name}`);
          resolve(name);
        },
        fail: () => {
          log.push(`fail ${name}`);
          reject(new Error(name));
        },
      };
    });
  return { fn, settle: () => settle };
}

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('Limiter', () => {
  it('runs at most `concurrency` at once, the rest in the order asked; a failure frees its slot', async () => {
    const log: string[] = [];
    const limit = new Limiter(2);
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((n) => controlled(log, n));
    const results = tasks.map((t) => limit.run(t.fn).catch((e: Error) => `error ${e.message}`));
    await turn();
    expect(log).toEqual(['start a', 'start b']);
    tasks[1].settle().done();
    await turn();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    // A caller arriving now queues behind d and e.
    const late = controlled(log, 'f');
    const lateResult = limit.run(late.fn);
    tasks[0].settle().fail();
    await turn();
    expect(log.slice(4)).toEqual(['fail a', 'start d']);
    tasks[2].settle().done();
    await turn();
    tasks[3].settle().done();
    await turn();
    expect(log.slice(6)).toEqual(['end c', 'start e', 'end d', 'start f']);
    tasks[4].settle().done();
    late.settle().done();
    expect(await Promise.all(results)).toEqual(['error a', 'b', 'c', 'd', 'e']);
    expect(await lateResult).toBe('f');
    // Every slot is free again: two start at once.
    const again = ['g', 'h'].map((n) => controlled(log, n));
    const p = again.map((t) => limit.run(t.fn));
    await turn();
    expect(log.slice(-2)).toEqual(['start g', 'start h']);
    again.forEach((t) => t.settle().done());
    await Promise.all(p);
  });
});

describe('HostGate', () => {
  it('one request per host at a time, in order, the delay after each; hosts side by side', async () => {
    const log: string[] = [];
    const sleeps: number[] = [];
    const gate = new HostGate(30, new Limiter(4), (ms) => {
      sleeps.push(ms);
      return new Promise((r) => setTimeout(r, ms));
    });
    const a1 = controlled(log, 'a1');
    const a2 = controlled(log, 'a2');
    const b1 = controlled(log, 'b1');
    const runs = [gate.run('a', a1.fn), gate.run('a', a2.fn).catch(() => 'a2 failed'), gate.run('b', b1.fn)];
    await turn();
    expect(log).toEqual(['start a1', 'start b1']);
    expect(sleeps).toEqual([]);
    a1.settle().done();
    await turn();
    // a2 waits out the host's delay (30 ms, less the time since a1 ended, up to its 3 ms wake-up grid) before starting.
    expect(log).toEqual(['start a1', 'start b1', 'end a1']);
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(30 + 2);
    a2.settle().fail();
    b1.settle().done();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2 failed', 'b1']);
    // The failure passed the turn on: host a takes a request again.
    const a3 = controlled(log, 'a3');
    const r3 = gate.run('a', a3.fn);
    await new Promise((r) => setTimeout(r, 60));
    expect(log.at(-1)).toBe('start a3');
    a3.settle().done();
    expect(await r3).toBe('a3');
  });

  it('a pause cut short (the client closing) passes the turn on', async () => {
    const log: string[] = [];
    let calls = 0;
    const gate = new HostGate(30, new Limiter(1), (ms) => (++calls === 1 ? Promise.reject(new Error('closed')) : new Promise((r) => setTimeout(r, ms))));
    const a1 = controlled(log, 'a1');
    const first = gate.run('a', a1.fn);
    await turn();
    a1.settle().done();
    await first;
    const a2 = controlled(log, 'a2');
    const a3 = controlled(log, 'a3');
    const second = gate.run('a', a2.fn).catch((e: Error) => e.message);
    const third = gate.run('a', a3.fn);
    expect(await second).toBe('closed');
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual(['start a1', 'end a1', 'start a3']);
    a3.settle().done();
    expect(await third).toBe('a3');
  });
});

describe('onWakeGrid', () => {
  it.each([
    // t, delay, t on the grid of a tenth of the delay
    [1000, 250, 1000],
    [1001, 250, 1025],
    [1024, 250, 1025],
    [1026, 1000, 1100],
    [1099, 1000, 1100],
    [1027, 20, 1028],
    [1027, 19, 1027], // a grid of 1 ms: unchanged
    [1027, 0, 1027],
  ])('%d with a %d ms delay → %d', (t, delay, want) => {
    expect(onWakeGrid(t, delay)).toBe(want);
  });

  it('is never early and late by less than a tenth of the delay', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      const t = 1_700_000_000_000 + (next() % 10_000_000);
      const delay = next() % 60_000;
      const at = onWakeGrid(t, delay);
      expect(at).toBeGreaterThanOrEqual(t);
      expect(at - t).toBeLessThan(Math.max(1, Math.floor(delay / 10)));
    }
  });
});

/** A gate on a clock of its own: a pause moves the clock on at once, and says when it was to end. */
function clockedGate(delayMs: number, startAt: number) {
  const t = { clock: startAt, wakes: [] as number[] };
  const gate = new HostGate(
    delayMs,
    new Limiter(4),
    async (ms) => {
      t.wakes.push(t.clock + ms);
      t.clock += ms;
    },
    () => t.clock,
  );
  return { gate, t };
}

describe('HostGate wake-ups', () => {
  it('hosts with the same delay that end a little apart start their next requests together, never early', async () => {
    const { gate, t } = clockedGate(200, 1003);
    const starts: Record<string, number> = {};
    const request = (name: string) => async () => {
      starts[name] = t.clock; // each request ends as it starts
      return name;
    };
    await gate.run('a', request('a1')); // ends at 1003: next start on the grid at or after 1203
    t.clock = 1011;
    await gate.run('b', request('b1')); // ends at 1011: at or after 1211
    t.clock = 1100;
    await gate.run('a', request('a2'));
    t.clock = 1100;
    await gate.run('b', request('b2'));
    // One wake-up time for both (the 20 ms grid of a 200 ms delay), each at least the delay after its host's last end.
    expect(t.wakes).toEqual([1220, 1220]);
    expect(starts.a2).toBe(1220);
    expect(starts.b2).toBe(1220);
    expect(starts.a2 - starts.a1).toBeGreaterThanOrEqual(200);
    expect(starts.b2 - starts.b1).toBeGreaterThanOrEqual(200);
  });

  it('a Retry-After hold is kept to the millisecond, not moved to the grid', async () => {
    const { gate, t } = clockedGate(200, 5000);
    gate.holdOff('a', 3333);
    await gate.run('a', async () => 'x');
    expect(t.wakes).toEqual([8333]);
  });
});
