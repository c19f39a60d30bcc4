import {
  CodeSnippet,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_IDENTITY_CENTER_GROUP } from '@aws-access/backstage-plugin-aws-access-common';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { ProfileBlocks } from '../ProfileBlocks';
import { SyncStatusWarning } from '../SyncStatusWarning';

function annotationHint(entityRef: string) {
  const { kind, name } = parseEntityRef(entityRef);
  if (kind.toLocaleLowerCase('en-US') === 'group') {
    return {
      description: `Name the IAM Identity Center group this team uses with the '${ANNOTATION_IDENTITY_CENTER_GROUP}' annotation, or give the group the same name as the team.`,
      yaml: `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  annotations:\n    ${ANNOTATION_IDENTITY_CENTER_GROUP}: <group display name or id>`,
    };
  }
  return {
    description:
      "Access comes from the owning team's IAM Identity Center group. Set spec.owner to a Group that has AWS access.",
    yaml: `metadata:\n  name: ${name}\nspec:\n  owner: <team with AWS access>`,
  };
}

/** Everything AWS Access knows about one entity: its accounts, roles and profiles. */
export function EntityAwsAccess({ entityRef }: { entityRef: string }) {
  const { value, loading, error } = useEntityAccess(entityRef);

  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load AWS access" />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  if (value.accounts.length === 0) {
    const hint = annotationHint(entityRef);
    return (
      <EmptyState
        missing="field"
        title={`No AWS accounts found for '${value.entityRef}'`}
        description={hint.description}
        action={<CodeSnippet language="yaml" text={hint.yaml} />}
      />
    );
  }
  return (
    <>
      <SyncStatusWarning />
      <ProfileBlocks access={value} />
    </>
  );
}
