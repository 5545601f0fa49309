import { describe, expect, it } from 'vitest';
import { SnapshotStore } from './snapshotStore.js';

describe('SnapshotStore', () => {
  it('notifies after a change and keeps the same object until then', () => {
    const initial = { status: 'idle' };
    const store = new SnapshotStore(initial);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().status));
    expect(store.getSnapshot()).toBe(initial);
    store.setSnapshot(initial);
    store.setSnapshot({ status: 'open' });
    expect(seen).toEqual(['open']);
  });

  it('subscribes again after the last listener left; a stale unsubscribe touches no new listener', () => {
    const store = new SnapshotStore(0);
    const seen: number[] = [];
    const stopFirst = store.subscribe(() => seen.push(1));
    stopFirst();
    expect(store.listenerCount).toBe(0);
    store.subscribe(() => seen.push(2));
    stopFirst();
    store.setSnapshot(1);
    expect(seen).toEqual([2]);
    expect(store.listenerCount).toBe(1);
  });

  it('gives one function subscribed twice two independent subscriptions', () => {
    const store = new SnapshotStore(0);
    let calls = 0;
    const listener = (): void => {
      calls += 1;
    };
    const stopFirst = store.subscribe(listener);
    store.subscribe(listener);
    stopFirst();
    stopFirst();
    store.setSnapshot(1);
    expect(calls).toBe(1);
    expect(store.listenerCount).toBe(1);
  });

  it('keeps notifying the others when one listener throws, and reports what it threw', () => {
    const reported: unknown[] = [];
    const store = new SnapshotStore(0, { onListenerError: (error) => reported.push(error) });
    const failure = new Error('listener bug');
    let laterCalled = false;
    store.subscribe(() => {
      throw failure;
    });
    store.subscribe(() => {
      laterCalled = true;
    });
    expect(() => {
      store.setSnapshot(1);
    }).not.toThrow();
    expect(laterCalled).toBe(true);
    expect(reported).toEqual([failure]);
  });

  it('by default rethrows a listener error from a microtask, not into the writer', async () => {
    const store = new SnapshotStore(0);
    const failure = new Error('listener bug');
    store.subscribe(() => {
      throw failure;
    });
    const caught = new Promise<unknown>((resolve) => {
      process.once('uncaughtException', resolve);
    });
    store.setSnapshot(1);
    expect(await caught).toBe(failure);
  });

  it('lets a listener unsubscribe another during a notification without skipping the rest', () => {
    const store = new SnapshotStore(0);
    const calls: string[] = [];
    let stopSecond = (): void => {};
    store.subscribe(() => {
      calls.push('first');
      stopSecond();
    });
    stopSecond = store.subscribe(() => calls.push('second'));
    store.setSnapshot(1);
    store.setSnapshot(2);
    expect(calls).toEqual(['first', 'second', 'first']);
  });
});
