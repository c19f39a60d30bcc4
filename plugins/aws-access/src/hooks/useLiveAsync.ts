import { AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL } from '@aws-access/backstage-plugin-aws-access-common';
import { useSignal } from '@backstage/plugin-signals-react';
import { DependencyList, useCallback, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((d, i) => Object.is(d, b[i]));

/**
 * One stamp per message on a channel: a snapshot message's own time, or else a count of
 * the messages seen, so that a message that says the same as the last one still counts.
 */
function useSignalStamp(channel: string): string | undefined {
  const { lastSignal } = useSignal(channel);
  const seen = useRef<{ signal: unknown; count: number }>({
    signal: null,
    count: 0,
  });
  if (lastSignal && lastSignal !== seen.current.signal) {
    seen.current = { signal: lastSignal, count: seen.current.count + 1 };
  }
  if (!lastSignal) {
    return undefined;
  }
  return typeof lastSignal.changedAt === 'string'
    ? lastSignal.changedAt
    : `#${seen.current.count}`;
}

/**
 * Like `useAsync`, and loads again whenever the backend signals on `channel` (by default
 * that the access data changed), so an open page gains a new role and loses a removed one
 * without a reload. While it reloads, for a signal or for `reload()`, it keeps showing
 * what it had instead of a spinner. Without the signals plugin it loads once, as before.
 * `updatedAt` tells a live region that a signal reloaded it.
 */
export function useLiveAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
  channel: string = AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL,
) {
  const signalAt = useSignalStamp(channel);
  const [reloads, setReloads] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsync(fn, [...deps, signalAt, reloads]);
  const last = useRef<{ deps: DependencyList; value: T }>();
  if (state.value !== undefined) {
    last.current = { deps, value: state.value };
  }
  const previous =
    last.current && sameDeps(last.current.deps, deps)
      ? last.current.value
      : undefined;
  // The signal that was last when these deps first loaded: a later one is an update.
  const firstLoad = useRef<{ deps: DependencyList; signalAt?: string }>();
  if (!firstLoad.current || !sameDeps(firstLoad.current.deps, deps)) {
    firstLoad.current = { deps, signalAt };
  }
  const updated =
    !state.loading &&
    state.value !== undefined &&
    signalAt !== firstLoad.current.signalAt;
  const reload = useCallback(() => setReloads(n => n + 1), []);
  return {
    ...state,
    value: state.value ?? previous,
    loading: state.loading && previous === undefined,
    /** When a signal last reloaded what is shown; undefined until one has. */
    updatedAt: updated ? signalAt : undefined,
    /** Loads again now, keeping what is shown meanwhile. */
    reload,
  };
}
