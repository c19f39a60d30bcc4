import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_ROADIE_ACCOUNT_ID,
} from './annotations';

/** Resource types that mean "this Resource is an AWS account". */
const ACCOUNT_RESOURCE_TYPES = ['aws-account', 'cloud-account'];

/**
 * The AWS account a Resource stands for, or undefined: a Resource of type `aws-account` or
 * `cloud-account` (what the catalog's AWS Organizations processor writes) with the
 * `amazonaws.com/account-id` annotation, or any Resource with Roadie's
 * `amazon.com/account-id`.
 *
 * @public
 */
export function accountIdOfResource(entity: Entity): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') {
    return undefined;
  }
  const annotations = entity.metadata.annotations ?? {};
  const roadie = annotations[ANNOTATION_ROADIE_ACCOUNT_ID]?.trim();
  if (roadie) {
    return roadie;
  }
  const type = String(
    (entity.spec as { type?: unknown } | undefined)?.type ?? '',
  );
  const id = annotations[ANNOTATION_AWS_ACCOUNT_ID]?.trim();
  return id && ACCOUNT_RESOURCE_TYPES.includes(type) ? id : undefined;
}
