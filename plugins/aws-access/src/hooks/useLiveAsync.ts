import {
  AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL,
  AwsAccessSnapshotSignal,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useSignal } from '@backstage/plugin-signals-react';
import { DependencyList, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((d, i) => Object.is(d, b[i]));

/**
 * Like `useAsync`, and loads again whenever the backend signals that the access data
 * changed, so an open page gains a new role and loses a removed one without a reload.
 * While it reloads for a signal it keeps showing what it had instead of a spinner.
 * Without the signals plugin it loads once, as before. `updatedAt` tells a live region
 * that such a reload happened.
 */
export function useLiveAsync<T>(fn: () => Promise<T>, deps: DependencyList) {
  const { lastSignal } = useSignal<
    AwsAccessSnapshotSignal & { [k: string]: string }
  >(AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL);
  const signalAt = lastSignal?.changedAt;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsync(fn, [...deps, signalAt]);
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
  return {
    ...state,
    value: state.value ?? previous,
    loading: state.loading && previous === undefined,
    /** When a signal last reloaded what is shown; undefined until one has. */
    updatedAt: updated ? signalAt : undefined,
  };
}
