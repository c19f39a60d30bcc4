import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExpiringCache } from '../cache/ExpiringCache';
import { callerKey } from '../cache/callerKey';

/**
 * A catalog that cannot be read is a service unavailable for now (503), not a fault of
 * this plugin (500); the message names the cause.
 */
function unavailableOnFailure<T>(read: Promise<T>): Promise<T> {
  return read.catch(error => {
    throw new ServiceUnavailableError(
      `The catalog cannot be read right now: ${String(
        (error as Error)?.message ?? error,
      )}`,
    );
  });
}

/** The catalog reads resolution needs, made on behalf of a caller. */
export interface EntityReader {
  getEntityByRef(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined>;
  getEntitiesByRefs(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]>;
  /** Every Group the caller may see, with the fields group matching needs. */
  getGroups(credentials: BackstageCredentials): Promise<Entity[]>;
}

/**
 * Reads entities from the catalog with the caller's own credentials, so catalog
 * permissions decide what each caller sees, and remembers each answer per caller for a
 * short time. Keys always include the caller: one caller's answer is never served to
 * another. A permission change reaches this plugin within `ttlMs`. "Not found" and "no
 * groups" are remembered only for `emptyTtlMs`: right after a start the catalog may not
 * have read the organisation yet, and whom to ask should appear soon after it has.
 */
export class CallerEntityCache implements EntityReader {
  private readonly entities: ExpiringCache<Entity | undefined>;
  private readonly groups: ExpiringCache<Entity[]>;
  private readonly ttlMs: number;
  private readonly emptyTtlMs: number;

  constructor(
    private readonly catalog: CatalogService,
    options: { ttlMs: number; maxEntries: number; emptyTtlMs?: number } = {
      ttlMs: 30_000,
      maxEntries: 10_000,
    },
  ) {
    this.ttlMs = options.ttlMs;
    this.emptyTtlMs = Math.min(options.emptyTtlMs ?? 2_000, options.ttlMs);
    this.entities = new ExpiringCache(options.ttlMs, options.maxEntries);
    this.groups = new ExpiringCache(options.ttlMs, options.maxEntries);
  }

  getEntityByRef(ref: string, credentials: BackstageCredentials) {
    const key = `${callerKey(credentials)}\u0000${ref.toLocaleLowerCase(
      'en-US',
    )}`;
    return this.entities.get(
      key,
      () =>
        unavailableOnFailure(this.catalog.getEntityByRef(ref, { credentials })),
      entity => (entity ? this.ttlMs : this.emptyTtlMs),
    );
  }

  async getEntitiesByRefs(refs: string[], credentials: BackstageCredentials) {
    const entities = await Promise.all(
      refs.map(ref => this.getEntityByRef(ref, credentials)),
    );
    return entities.filter((e): e is Entity => e !== undefined);
  }

  getGroups(credentials: BackstageCredentials): Promise<Entity[]> {
    return this.groups.get(
      callerKey(credentials),
      async () => {
        const { items } = await unavailableOnFailure(
          this.catalog.getEntities(
            {
              filter: { kind: 'group' },
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.annotations',
                'spec.profile',
              ],
            },
            { credentials },
          ),
        );
        return items;
      },
      groups => (groups.length > 0 ? this.ttlMs : this.emptyTtlMs),
    );
  }
}
