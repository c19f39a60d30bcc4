// @ts-check

/**
 * Several organisations in one database: the state row's id becomes the organisation id
 * and each snapshot names its organisation. What a single-organisation database holds
 * stays served as organisation `default`, which is what its config now means.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aws_access_snapshots', table => {
    table
      .string('organization')
      .notNullable()
      .defaultTo('default')
      .comment('Id of the organisation the snapshot is of');
    // Every write removes the other snapshots of its organisation.
    table.index(['organization'], 'aws_access_snapshots_organization_idx');
  });
  await knex('aws_access_sync_state')
    .where({ id: 'identity-center' })
    .update({ id: 'default' });
};

/**
 * The previous schema holds one organisation: `default` keeps its data, the others' rows
 * are removed (they are copies of Identity Center that the next sync reads again).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('aws_access_snapshots')
    .whereNot({ organization: 'default' })
    .delete();
  await knex('aws_access_sync_state').whereNot({ id: 'default' }).delete();
  await knex('aws_access_sync_state')
    .where({ id: 'default' })
    .update({ id: 'identity-center' });
  await knex.schema.alterTable('aws_access_snapshots', table => {
    table.dropIndex(['organization'], 'aws_access_snapshots_organization_idx');
    table.dropColumn('organization');
  });
};
