/**
 * "The block changed", as a tiny external store: the block lives in a ref (AG Grid reads it when it
 * styles cells), and only the status line needs to draw again when it moves — not the whole planner
 * on every arrow key.
 */
export interface SelectionSignal {
  notify: () => void;
  subscribe: (listener: () => void) => () => void;
  revision: () => number;
}

export function createSelectionSignal(): SelectionSignal {
  let revision = 0;
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      revision += 1;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    revision: () => revision,
  };
}
