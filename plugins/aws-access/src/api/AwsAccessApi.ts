import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AwsAccessStatus,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Reads AWS access from the aws-access backend.
 *
 * @public
 */
export interface AwsAccessApi {
  /** The accounts and roles of a catalog entity, with the CLI settings to render them. */
  getEntityAccess(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityAccessResponse>;

  /** How fresh the served data is. */
  getStatus(): Promise<AwsAccessStatus>;
}

/**
 * API reference for {@link AwsAccessApi}.
 *
 * @public
 */
export const awsAccessApiRef = createApiRef<AwsAccessApi>({
  id: 'plugin.aws-access.api',
});
