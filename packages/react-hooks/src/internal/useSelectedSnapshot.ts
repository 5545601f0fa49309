'use client';
import { useRef, useSyncExternalStore } from 'react';

/**
 * `useSyncExternalStore` with a selector: the component re-renders only when the selected value
 * changes by `isEqual`, even if the store publishes a new snapshot. `subscribe` must be stable.
 */
export function useSelectedSnapshot<Snapshot, Selected>(
  subscribe: (onStoreChange: () => void) => () => void,
  getSnapshot: () => Snapshot,
  getServerSnapshot: () => Snapshot,
  selector: (snapshot: Snapshot) => Selected,
  isEqual: (a: Selected, b: Selected) => boolean = Object.is,
): Selected {
  // Last (snapshot, selector) -> selection, so an unchanged store costs no selector call and an
  // equal selection keeps its identity (useSyncExternalStore compares with Object.is).
  const memo = useRef<{ snapshot: Snapshot; selector: unknown; selection: Selected } | undefined>(
    undefined,
  );
  const select = (snapshot: Snapshot): Selected => {
    const last = memo.current;
    if (last?.snapshot === snapshot && last.selector === selector) return last.selection;
    const next = selector(snapshot);
    const selection = last !== undefined && isEqual(last.selection, next) ? last.selection : next;
    memo.current = { snapshot, selector, selection };
    return selection;
  };
  return useSyncExternalStore(
    subscribe,
    () => select(getSnapshot()),
    () => select(getServerSnapshot()),
  );
}
