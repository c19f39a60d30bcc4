import { Entity } from '@backstage/catalog-model';

const KINDS = ['group', 'user', 'component', 'system', 'resource', 'api'];

/**
 * Whether AWS Access has something to show for an entity: use it to show or hide the
 * entity tab and card.
 *
 * @public
 */
export function isAwsAccessAvailable(entity: Entity): boolean {
  return KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
