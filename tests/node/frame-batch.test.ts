import { describe, expect, it } from 'vitest';
import { FrameBatch } from '../../src/hooks/frame-batch';

/** A store whose changes are announced to its subscribers at once. */
function store() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change: () => listeners.forEach((listener) => listener()),
  };
}

/** A frame batch driven by hand: `frame()` runs what waits for the next frame. */
function manualFrames() {
  let pending: (() => void)[] = [];
  const batch = new FrameBatch((callback) => pending.push(callback));
  const frame = () => {
    const due = pending;
    pending = [];
    due.forEach((callback) => callback());
  };
  return { batch, frame, requested: () => pending.length };
}

describe('FrameBatch', () => {
  it('tells a subscriber of many changes once, in the next frame', () => {
    const { batch, frame, requested } = manualFrames();
    const source = store();
    let heard = 0;
    batch.batched(source.subscribe)(() => heard++);
    source.change();
    source.change();
    source.change();
    expect(heard).toBe(0);
    expect(requested()).toBe(1);
    frame();
    expect(heard).toBe(1);
    source.change();
    frame();
    expect(heard).toBe(2);
  });

  it('tells every subscriber of every store in the same frame', () => {
    const { batch, frame, requested } = manualFrames();
    const [a, b] = [store(), store()];
    const heard: string[] = [];
    batch.batched(a.subscribe)(() => heard.push('a1'));
    batch.batched(a.subscribe)(() => heard.push('a2'));
    batch.batched(b.subscribe)(() => heard.push('b'));
    a.change();
    b.change();
    expect(requested()).toBe(1);
    frame();
    expect(heard.sort()).toEqual(['a1', 'a2', 'b']);
  });

  it('tells nothing to a subscriber that left before the frame', () => {
    const { batch, frame } = manualFrames();
    const source = store();
    let heard = 0;
    const unsubscribe = batch.batched(source.subscribe)(() => heard++);
    source.change();
    unsubscribe();
    frame();
    source.change();
    frame();
    expect(heard).toBe(0);
  });

  it('calls at once when frames come at once (Node)', () => {
    const batch = new FrameBatch((callback) => callback());
    const source = store();
    let heard = 0;
    batch.batched(source.subscribe)(() => heard++);
    source.change();
    source.change();
    expect(heard).toBe(2);
  });
});
