import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Whether a caller may see AWS access at all: accounts, roles, downloads and status.
 * What they see of a particular entity also depends on whether they may read that entity
 * in the catalog.
 *
 * @public
 */
export const awsAccessReadPermission = createPermission({
  name: 'aws-access.read',
  attributes: { action: 'read' },
});

/**
 * The resource type of temporary-access grants, for conditional permission decisions.
 *
 * @public
 */
export const AWS_ACCESS_GRANT_RESOURCE_TYPE = 'aws-access-grant';

/**
 * Whether a caller may approve or deny a temporary-access request. The backend checks it
 * for every decision, with the request as the resource (rule `IS_APPROVER`), on top of its
 * own rules: only the request's approvers decide, and never on their own request.
 *
 * @public
 */
export const awsAccessGrantApprovePermission = createPermission({
  name: 'aws-access.grant.approve',
  attributes: { action: 'update' },
  resourceType: AWS_ACCESS_GRANT_RESOURCE_TYPE,
});

/**
 * Whether a caller may read every temporary-access grant (`GET /access-grants?state=`).
 *
 * @public
 */
export const awsAccessGrantAuditPermission = createPermission({
  name: 'aws-access.grant.audit',
  attributes: { action: 'read' },
});

/**
 * Every permission the AWS Access plugin defines.
 *
 * @public
 */
export const awsAccessPermissions = [
  awsAccessReadPermission,
  awsAccessGrantApprovePermission,
  awsAccessGrantAuditPermission,
];
