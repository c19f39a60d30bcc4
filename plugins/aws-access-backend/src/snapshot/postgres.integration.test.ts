import { postgresIds } from '../__testUtils__/testDatabases';

// Integration tier: needs a PostgreSQL server named in the variable TestDatabases reads
// (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING); scripts/test.sh starts
// Debian's and sets it. Without it the store tests run on SQLite only, so this check
// keeps the test command from passing without PostgreSQL.
describe('the store tests', () => {
  it('run on PostgreSQL as well as SQLite', () => {
    expect(postgresIds).not.toEqual([]);
  });
});
