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
 * Every permission the AWS Access plugin defines.
 *
 * @public
 */
export const awsAccessPermissions = [awsAccessReadPermission];
