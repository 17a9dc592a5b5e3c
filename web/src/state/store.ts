/** A tiny observable store: the whole app state lives in one object, components select slices. */
import { useEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  set(update: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: (state: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T) => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders when the selected slice changes (by identity). */
export function useSelector<T extends object, S>(store: Store<T>, select: (state: T) => S): S {
  const [slice, setSlice] = useState(() => select(store.get()));
  useEffect(() => {
    const update = (state: T) => setSlice(() => select(state));
    update(store.get());
    return store.subscribe(update);
  }, [store]);
  return slice;
}
