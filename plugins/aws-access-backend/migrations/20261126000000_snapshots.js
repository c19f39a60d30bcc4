// @ts-check

/**
 * One row per stored snapshot, and one state row that points at the snapshot being
 * served. A sync inserts its snapshot and moves the pointer in one transaction.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_access_snapshots', table => {
    table.comment('Complete snapshots of IAM Identity Center access');
    table.increments('id');
    table
      .text('data', 'longtext')
      .notNullable()
      .comment('The snapshot as JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('aws_access_sync_state', table => {
    table.comment('Which snapshot is served, and how the last syncs went');
    table.string('id').primary();
    table.integer('snapshot_id').nullable();
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table
      .text('details')
      .nullable()
      .comment('JSON: counts, calls by operation, warnings');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_access_sync_state');
  await knex.schema.dropTable('aws_access_snapshots');
};
