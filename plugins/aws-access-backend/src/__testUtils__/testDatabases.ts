import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';

// scripts/test.sh starts Debian's PostgreSQL and names it in the variable TestDatabases
// reads for its major version; every supported database is tested, SQLite always.
const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/** The PostgreSQL versions this run has a server for. */
export const postgresIds = POSTGRES_IDS.filter(
  id =>
    process.env[
      `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
    ],
);

/** The databases the store tests run on: SQLite, and each PostgreSQL this run has. */
export function storeTestDatabases() {
  return TestDatabases.create({
    ids: [...postgresIds, 'SQLITE_3'],
    disableDocker: true,
  });
}

/** A client of its own on the same database, as a second instance has (PostgreSQL). */
export function secondClient(knex: Knex, databaseId: TestDatabaseId): Knex {
  if (!databaseId.startsWith('POSTGRES')) {
    return knex; // An in-memory SQLite database exists for its one client only.
  }
  const { client, connection } = knex.client.config;
  return knexFactory({ client, connection, pool: { min: 0, max: 5 } });
}
