// @ts-check

/**
 * Versions for incremental refreshes. Every read from Identity Center takes the next
 * `read_seq` before it starts; `freshness` records which read each piece of the served
 * snapshot came from, so a write built on an older read never replaces newer data.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aws_access_sync_state', table => {
    table
      .bigInteger('read_seq')
      .notNullable()
      .defaultTo(0)
      .comment('Sequence number of the last read from Identity Center begun');
    table
      .text('freshness')
      .nullable()
      .comment(
        'JSON: the read sequence of the full sync and of each newer part',
      );
    table
      .timestamp('last_change_at', { useTz: true })
      .nullable()
      .comment('When an incremental refresh last changed the snapshot');
    table
      .integer('last_change_lag_ms')
      .nullable()
      .comment('From the event time of that change to its snapshot write');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aws_access_sync_state', table => {
    table.dropColumn('last_change_lag_ms');
    table.dropColumn('last_change_at');
    table.dropColumn('freshness');
    table.dropColumn('read_seq');
  });
};
