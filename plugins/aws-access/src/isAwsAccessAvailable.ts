import { Entity } from '@backstage/catalog-model';
import { isAwsAccessEntityKind } from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Whether AWS Access has something to show for an entity: use it to show or hide the
 * entity tab and card.
 *
 * @public
 */
export function isAwsAccessAvailable(entity: Entity): boolean {
  return isAwsAccessEntityKind(entity.kind);
}
