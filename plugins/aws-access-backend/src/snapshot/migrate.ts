import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Migrations running on a client, so stores created side by side share one run. */
const migrating = new WeakMap<Knex, Promise<void>>();

/**
 * The plugin's database client, migrated to the latest schema unless the app skips it.
 * The stores of several organisations are created at the same time on one client; their
 * migrations would race to create knex's own tables, so they wait for the run under way.
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    let run = migrating.get(client);
    if (!run) {
      run = migrateToLatest(client).finally(() => migrating.delete(client));
      migrating.set(client, run);
    }
    await run;
  }
  return client;
}

async function migrateToLatest(client: Knex): Promise<void> {
  await client.migrate.latest({
    directory: resolvePackagePath(
      '@aws-access/backstage-plugin-aws-access-backend',
      'migrations',
    ),
  });
}

/** One row per organisation: its served snapshot's pointer, read sequence and sync status. */
export const STATE_TABLE = 'aws_access_sync_state';
export const SNAPSHOTS_TABLE = 'aws_access_snapshots';

/** Creates the organisation's state row if it is missing, so updates always have a row to change. */
export async function ensureStateRow(
  db: Knex,
  organization: string,
): Promise<void> {
  await db(STATE_TABLE).insert({ id: organization }).onConflict('id').ignore();
}

/** The organisation a store is scoped to; every row it reads or writes is that organisation's. */
export function checkOrganization(organization: unknown): string {
  if (typeof organization !== 'string' || organization.trim() === '') {
    throw new TypeError(
      `A store needs an organisation id, got ${JSON.stringify(organization)}`,
    );
  }
  return organization;
}
