import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

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
