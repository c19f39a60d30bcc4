import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_IDENTITY_CENTER_GROUP,
  SIGNED_IN_USER,
} from '@aws-access/backstage-plugin-aws-access-common';

/** How an entity of this kind gets AWS access: what to change in the catalog. */
function hintFor(subject: string) {
  if (subject === SIGNED_IN_USER) {
    return {
      description:
        'You get AWS access through your teams: ask to join a team (Group) that has an IAM Identity Center group, or check that your User entity lists it under spec.memberOf.',
      yaml: 'kind: User\nspec:\n  memberOf: [<your team>]',
    };
  }
  const { kind, name } = parseEntityRef(subject);
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

/** The empty state of an entity without accounts, with the catalog change that fixes it. */
export function NoAccountsFound(props: { subject: string; entityRef: string }) {
  const hint = hintFor(props.subject);
  return (
    <EmptyState
      missing="field"
      title={`No AWS accounts found for '${props.entityRef}'`}
      description={hint.description}
      action={<CodeSnippet language="yaml" text={hint.yaml} />}
    />
  );
}
