import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's database client, migrated to the latest schema unless the app skips it. */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@aws-access/backstage-plugin-aws-access-backend',
        'migrations',
      ),
    });
  }
  return client;
}

/** The one row that holds the served snapshot's pointer and the sync's status. */
export const STATE_TABLE = 'aws_access_sync_state';
export const STATE_ID = 'identity-center';

/** Creates the state row if it is missing, so updates always have a row to change. */
export async function ensureStateRow(db: Knex): Promise<void> {
  await db(STATE_TABLE).insert({ id: STATE_ID }).onConflict('id').ignore();
}
