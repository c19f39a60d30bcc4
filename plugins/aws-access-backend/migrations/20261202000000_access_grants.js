// @ts-check

/**
 * Temporary access: one row per request and, once approved, its grant; and who may
 * approve each, as rows to filter on.
 *
 * Times are epoch milliseconds (bigint): they compare and round-trip the same on every
 * database and driver, whatever the session's time zone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_access_grants', table => {
    table.comment('Temporary access requests and the grants made for them');
    // A string, not the uuid type: an id from a URL that is not a uuid finds nothing
    // instead of failing the query on PostgreSQL.
    table.string('id', 36).primary().comment('Random uuid');
    table.string('organization').notNullable();
    table.string('account_id', 12).notNullable();
    table.string('account_name').notNullable();
    table.string('permission_set_name').notNullable();
    table.string('permission_set_arn').notNullable();
    table.string('requester_ref').notNullable().comment('User entity ref');
    table
      .string('identity_center_user_id')
      .nullable()
      .comment('Recorded before the assignment is created');
    table.text('reason').nullable();
    table.integer('duration_ms').notNullable();
    table.string('state', 16).notNullable();
    table
      .text('approver_refs')
      .notNullable()
      .comment('JSON array of the Group refs whose members may approve');
    table.string('decided_by').nullable();
    table.text('decision_reason').nullable();
    table.bigInteger('created_at').notNullable().comment('Epoch ms');
    table.bigInteger('decided_at').nullable().comment('Epoch ms');
    table.bigInteger('granted_at').nullable().comment('Epoch ms');
    table.bigInteger('expires_at').nullable().comment('Epoch ms');
    table.bigInteger('removed_at').nullable().comment('Epoch ms');
    // Kept apart from the decision, so that a revoke never hides who approved.
    table.string('revoked_by').nullable();
    table.bigInteger('revoked_at').nullable().comment('Epoch ms');
    table.text('revoke_reason').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').nullable().comment('Epoch ms');
    table.text('last_error').nullable();
    table.integer('version').notNullable().defaultTo(1);
    table
      .string('open_key', 64)
      .nullable()
      .comment(
        'Set while the request is open, null once closed: one open request per ' +
          'organisation, account, permission set and requester',
      );
    table
      .bigInteger('due_at')
      .nullable()
      .comment(
        'Epoch ms from which the worker must act on the row; null when it has nothing to do',
      );
    table.unique(['open_key'], { indexName: 'aws_access_grants_open_key_uq' });
    table.index(['due_at'], 'aws_access_grants_due_at_idx');
    table.index(['requester_ref'], 'aws_access_grants_requester_idx');
    table.index(
      ['organization', 'account_id'],
      'aws_access_grants_organization_account_idx',
    );
    table.index(['state', 'created_at'], 'aws_access_grants_state_idx');
  });
  await knex.schema.createTable('aws_access_grant_approvers', table => {
    table.comment(
      'Who may approve each request, for listing what a user may approve',
    );
    table
      .string('grant_id', 36)
      .notNullable()
      .references('id')
      .inTable('aws_access_grants')
      .onDelete('CASCADE');
    table.string('approver_ref').notNullable().comment('Group entity ref');
    table.primary(['grant_id', 'approver_ref']);
    table.index(['approver_ref'], 'aws_access_grant_approvers_ref_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_access_grant_approvers');
  await knex.schema.dropTable('aws_access_grants');
};
