// Pauses and requests share one 'abort' listener per signal (src/http/abort-hooks.ts).
import { describe, expect, it } from 'vitest';
import { onAbort } from '../../src/http/abort-hooks.js';

describe('onAbort', () => {
  it('calls each hooked function once, in order, and none that was unhooked', () => {
    const ctl = new AbortController();
    const calls: string[] = [];
    onAbort(ctl.signal, () => calls.push('a'));
    const unhookB = onAbort(ctl.signal, () => calls.push('b'));
    onAbort(ctl.signal, () => calls.push('c'));
    unhookB();
    ctl.abort();
    ctl.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('adds one listener to the signal however many functions wait on it', () => {
    const ctl = new AbortController();
    let added = 0;
    const add = ctl.signal.addEventListener.bind(ctl.signal);
    ctl.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    }) as typeof add;
    const unhooks = Array.from({ length: 50 }, () => onAbort(ctl.signal, () => undefined));
    for (const u of unhooks) u();
    onAbort(ctl.signal, () => undefined);
    expect(added).toBe(1);
  });

  it('keeps signals apart', () => {
    const one = new AbortController();
    const two = new AbortController();
    const calls: string[] = [];
    onAbort(one.signal, () => calls.push('one'));
    onAbort(two.signal, () => calls.push('two'));
    two.abort();
    expect(calls).toEqual(['two']);
  });
});
