import {
  IdentityApi,
  identityApiRef,
  useApi,
  useApiHolder,
} from '@backstage/core-plugin-api';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import {
  AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  AccessGrant,
  OPEN_ACCESS_GRANT_STATES,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useCallback, useEffect, useState } from 'react';
import { AwsAccessApi, awsAccessApiRef } from '../api';

/** The signed-in user's own grants; `grants` stays undefined until one load succeeded. */
export interface MyAccessGrants {
  grants?: AccessGrant[];
  error?: Error;
}

/**
 * One load of the caller's grants shared by every role on the page: loaded when the first
 * role subscribes, again on each grants signal, and dropped when the last one leaves, so
 * the next page loads afresh.
 */
class MyGrantsStore {
  private loaded: MyAccessGrants = {};
  private readonly listeners = new Set<(loaded: MyAccessGrants) => void>();
  private generation = 0;
  private signal?: { unsubscribe(): void };

  constructor(
    private readonly api: AwsAccessApi,
    private readonly identityApi: IdentityApi,
    private readonly onIdle: () => void,
  ) {}

  current(): MyAccessGrants {
    return this.loaded;
  }

  subscribe(
    listener: (loaded: MyAccessGrants) => void,
    signals: SignalApi | undefined,
  ): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.signal = signals?.subscribe(AWS_ACCESS_GRANTS_SIGNAL_CHANNEL, () =>
        this.reload(),
      );
      this.reload();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.signal?.unsubscribe();
        this.signal = undefined;
        this.generation += 1;
        this.onIdle();
      }
    };
  }

  /** Loads again; an answer overtaken by a later load is dropped. */
  reload() {
    const generation = ++this.generation;
    Promise.all([
      this.api.listAccessGrants(),
      this.identityApi.getBackstageIdentity(),
    ]).then(
      ([{ grants }, { userEntityRef }]) =>
        this.settle(generation, {
          grants: grants.filter(grant => grant.requester === userEntityRef),
        }),
      // A failed reload keeps what the last one found.
      (error: Error) =>
        this.settle(generation, { grants: this.loaded.grants, error }),
    );
  }

  private settle(generation: number, loaded: MyAccessGrants) {
    if (generation !== this.generation) {
      return;
    }
    this.loaded = loaded;
    this.listeners.forEach(listener => listener(loaded));
  }
}

/** Keyed by the API instance: an app (or test) with another client gets its own. */
const stores = new WeakMap<AwsAccessApi, MyGrantsStore>();

function storeFor(api: AwsAccessApi, identityApi: IdentityApi): MyGrantsStore {
  let store = stores.get(api);
  if (!store) {
    const created = new MyGrantsStore(api, identityApi, () => {
      if (stores.get(api) === created) stores.delete(api);
    });
    stores.set(api, created);
    store = created;
  }
  return store;
}

/**
 * The signed-in user's own temporary-access requests, from one `GET /access-grants` per
 * page however many roles ask, reloaded when the backend signals that grants changed.
 * Call it only where temporary access is offered. `reload()` loads again now (after the
 * reader made a request, say).
 */
export function useMyAccessGrants(): MyAccessGrants & { reload: () => void } {
  const api = useApi(awsAccessApiRef);
  const identityApi = useApi(identityApiRef);
  const signals = useApiHolder().get(signalApiRef);
  const [loaded, setLoaded] = useState<MyAccessGrants>(
    () => stores.get(api)?.current() ?? {},
  );
  useEffect(() => {
    const store = storeFor(api, identityApi);
    setLoaded(store.current());
    return store.subscribe(setLoaded, signals);
  }, [api, identityApi, signals]);
  const reload = useCallback(() => stores.get(api)?.reload(), [api]);
  return { ...loaded, reload };
}

/**
 * The reader's open request for one role, if any: from the loaded list (`mine`, newest
 * first), or else the request the reader just made here (`submitted`) while the list does
 * not know it yet. A request the list knows in a closed state (denied, removed, …) is no
 * longer open, whatever it was when submitted.
 */
export function openGrantFor(
  mine: AccessGrant[] | undefined,
  target: { organization: string; accountId: string; role: string },
  submitted?: AccessGrant,
): AccessGrant | undefined {
  const forRole = (mine ?? []).filter(
    grant =>
      grant.organization === target.organization &&
      grant.accountId === target.accountId &&
      grant.role === target.role,
  );
  const candidates =
    submitted && !forRole.some(grant => grant.id === submitted.id)
      ? [submitted, ...forRole]
      : forRole;
  return candidates.find(grant =>
    OPEN_ACCESS_GRANT_STATES.includes(grant.state),
  );
}
