import {
  BackstageCredentials,
  BackstagePrincipalTypes,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

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

/** Who is asking, as a cache key: a user ref, a service subject, or the principal type. */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | BackstagePrincipalTypes['user']
    | BackstagePrincipalTypes['service']
    | { type: string };
  if ('userEntityRef' in principal) {
    return `user:${principal.userEntityRef}`;
  }
  if ('subject' in principal) {
    return `service:${principal.subject}`;
  }
  return principal.type;
}

/**
 * Reads entities from the catalog with the caller's own credentials, so catalog
 * permissions decide what each caller sees, and remembers each answer per caller for a
 * short time. Keys always include the caller: one caller's answer is never served to
 * another. A permission change reaches this plugin within `ttlMs`.
 */
export class CallerEntityCache implements EntityReader {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<Entity | undefined> }
  >();
  private readonly groups = new Map<
    string,
    { expires: number; value: Promise<Entity[]> }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly options: { ttlMs: number; maxEntries: number } = {
      ttlMs: 30_000,
      maxEntries: 10_000,
    },
  ) {}

  getEntityByRef(ref: string, credentials: BackstageCredentials) {
    const key = `${callerKey(credentials)}\u0000${ref.toLocaleLowerCase(
      'en-US',
    )}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      return hit.value;
    }
    const value = this.catalog.getEntityByRef(ref, { credentials });
    this.remember(key, { expires: now + this.options.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  async getEntitiesByRefs(refs: string[], credentials: BackstageCredentials) {
    const entities = await Promise.all(
      refs.map(ref => this.getEntityByRef(ref, credentials)),
    );
    return entities.filter((e): e is Entity => e !== undefined);
  }

  getGroups(credentials: BackstageCredentials): Promise<Entity[]> {
    const key = `${callerKey(credentials)}\u0000*groups`;
    const now = Date.now();
    const hit = this.groups.get(key);
    if (hit && hit.expires > now) {
      return hit.value;
    }
    const value = this.catalog
      .getEntities(
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
      )
      .then(response => response.items);
    value.catch(() => this.groups.delete(key));
    if (this.groups.size >= this.options.maxEntries) {
      this.groups.clear();
    }
    this.groups.set(key, { expires: now + this.options.ttlMs, value });
    return value;
  }

  private remember(
    key: string,
    entry: { expires: number; value: Promise<Entity | undefined> },
  ) {
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    this.entries.set(key, entry);
  }
}
