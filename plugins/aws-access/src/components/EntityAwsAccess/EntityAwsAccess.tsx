import {
  CodeSnippet,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { Box, Button, Typography } from '@material-ui/core';
import {
  ANNOTATION_IDENTITY_CENTER_GROUP,
  EntityAccessResponse,
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsAccessApiRef } from '../../api';
import { useCliPreferences } from '../../hooks/useCliPreferences';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { AccountFilter, NO_FILTER, filterAccounts } from '../AccountFilter';
import { AnnotationWarnings } from '../AnnotationWarnings';
import { CliToolbar } from '../CliToolbar';
import { OnboardingChecklist } from '../OnboardingChecklist';
import { ProfileBlocks, profileKey } from '../ProfileBlocks';
import { SyncStatusWarning } from '../SyncStatusWarning';
import { Troubleshooting } from '../Troubleshooting';

function annotationHint(entityRef: string) {
  if (entityRef === 'me') {
    return {
      description:
        'You get AWS access through your teams: ask to join a team (Group) that has an IAM Identity Center group, or check that your User entity lists it under spec.memberOf.',
      yaml: 'kind: User\nspec:\n  memberOf: [<your team>]',
    };
  }
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

/** Accounts rendered at once; more on request, so large teams stay responsive. */
const PAGE_SIZE = 20;

function AccessView({
  subject,
  access,
}: {
  subject: string;
  access: EntityAccessResponse;
}) {
  const { settings, accounts } = access;
  const prefs = useCliPreferences(settings.profiles);
  const planned = useMemo(
    () =>
      planProfiles(accounts, {
        ...settings.profiles,
        defaultRegion: prefs.region,
      }),
    [accounts, settings.profiles, prefs.region],
  );
  const profiles = useMemo(
    () => new Map(planned.map(p => [profileKey(p.accountId, p.roleName), p])),
    [planned],
  );
  const api = useApi(awsAccessApiRef);
  // The reader's own roles, to show on every other entity what they hold and what not.
  const mine = useAsync(
    async () => (subject === 'me' ? undefined : api.getEntityAccess('me')),
    [api, subject],
  );
  const myRoles = useMemo(
    () =>
      mine.value &&
      new Set(
        mine.value.accounts.flatMap(a =>
          a.roles.map(r => profileKey(a.id, r.name)),
        ),
      ),
    [mine.value],
  );
  const [filter, setFilter] = useState(NO_FILTER);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const visible = useMemo(
    () => filterAccounts(accounts, filter),
    [accounts, filter],
  );
  const configText = useMemo(
    () =>
      renderAwsConfig(planned, settings.sso, settings.profiles, prefs.variant),
    [planned, settings, prefs.variant],
  );
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <CliToolbar
        subject={subject}
        configText={configText}
        regions={settings.profiles.regions}
        region={prefs.region}
        variant={prefs.variant}
        onRegionChange={prefs.setRegion}
        onLegacyCliChange={prefs.setLegacyCli}
      />
      <AccountFilter
        accounts={accounts}
        value={filter}
        onChange={value => {
          setFilter(value);
          setLimit(PAGE_SIZE);
        }}
      />
      <ProfileBlocks
        settings={settings}
        accounts={visible.slice(0, limit)}
        profiles={profiles}
        variant={prefs.variant}
        myRoles={myRoles}
        teams={access.teams}
      />
      {visible.length === 0 && (
        <Typography>No account matches the filter.</Typography>
      )}
      {visible.length > limit && (
        <Button variant="outlined" onClick={() => setLimit(limit + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, visible.length - limit)} more of{' '}
          {visible.length - limit} accounts
        </Button>
      )}
      <OnboardingChecklist sso={settings.sso} example={planned[0]} />
      <Troubleshooting sso={settings.sso} />
    </Box>
  );
}

/** Everything AWS Access knows about one entity: its accounts, roles and profiles. */
export function EntityAwsAccess({ entityRef }: { entityRef: string }) {
  const { value, loading, error } = useEntityAccess(entityRef);

  if (error instanceof ResponseError && error.statusCode === 403) {
    return (
      <EmptyState
        missing="info"
        title="You may not see AWS access here"
        description={`${error.body.error.message}. Ask your Backstage administrators if you need it.`}
      />
    );
  }
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
      <>
        <AnnotationWarnings warnings={value.warnings} />
        <EmptyState
          missing="field"
          title={`No AWS accounts found for '${value.entityRef}'`}
          description={hint.description}
          action={<CodeSnippet language="yaml" text={hint.yaml} />}
        />
      </>
    );
  }
  return (
    <>
      <SyncStatusWarning />
      <AnnotationWarnings warnings={value.warnings} />
      <AccessView subject={entityRef} access={value} />
    </>
  );
}
