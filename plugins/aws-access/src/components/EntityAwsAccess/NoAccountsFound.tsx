import { EmptyState } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ANNOTATION_IDENTITY_CENTER_GROUP,
  SIGNED_IN_USER,
} from '@aws-access/backstage-plugin-aws-access-common';
import { CodeBlock } from '../CodeBlock';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';

/**
 * How an entity of this kind gets AWS access: what to change in the catalog. The YAML
 * keeps the catalog's own words; only the placeholders to fill in are translated.
 */
function hintFor(subject: string, t: AwsAccessTranslate) {
  if (subject === SIGNED_IN_USER) {
    return {
      description: t('entity.noAccountsUser'),
      yaml: `kind: User\nspec:\n  memberOf: [<${t(
        'entity.yourTeamPlaceholder',
      )}>]`,
    };
  }
  const { kind, name } = parseEntityRef(subject);
  if (kind.toLocaleLowerCase('en-US') === 'group') {
    return {
      description: t('entity.noAccountsGroup', {
        annotation: ANNOTATION_IDENTITY_CENTER_GROUP,
      }),
      yaml: `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  annotations:\n    ${ANNOTATION_IDENTITY_CENTER_GROUP}: <${t(
        'entity.groupNamePlaceholder',
      )}>`,
    };
  }
  return {
    description: t('entity.noAccountsOther'),
    yaml: `metadata:\n  name: ${name}\nspec:\n  owner: <${t(
      'entity.owningTeamPlaceholder',
    )}>`,
  };
}

/** The empty state of an entity without accounts, with the catalog change that fixes it. */
export function NoAccountsFound(props: { subject: string; entityRef: string }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const hint = hintFor(props.subject, t);
  return (
    <EmptyState
      missing="field"
      title={t('entity.noAccountsTitle', { entityRef: props.entityRef })}
      description={hint.description}
      action={<CodeBlock text={hint.yaml} />}
    />
  );
}
