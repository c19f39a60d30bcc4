import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  AccountLookupResponse,
  DIRECT_ASSIGNMENT,
  planProfiles,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import { awsAccessApiRef } from '../../api';
import { useCliPreferences } from '../../hooks/useCliPreferences';
import { profileKey } from '../../hooks/profileKey';
import { ProfileBlocks } from '../ProfileBlocks';
import { NotAllowed, isNotAllowed } from '../NotAllowed';
import { SyncStatusWarning } from '../SyncStatusWarning';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { grantsByGroup } from './grantsByGroup';

function WhoHoldsRoles({ lookup }: { lookup: AccountLookupResponse }) {
  const grants = grantsByGroup(lookup.account);
  if (grants.length === 0) {
    return (
      <Typography>
        Nobody holds a role in this account through IAM Identity Center.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Who holds roles here">
      <TableHead>
        <TableRow>
          <TableCell>IAM Identity Center group</TableCell>
          <TableCell>Team</TableCell>
          <TableCell>Roles</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {grants.map(({ group, roles }) => {
          const team = lookup.teams[group];
          return (
            <TableRow key={group}>
              <TableCell>
                {group === DIRECT_ASSIGNMENT
                  ? 'Assigned to people directly'
                  : group}
              </TableCell>
              <TableCell>
                {team ? <EntityRefLink entityRef={team} /> : '—'}
              </TableCell>
              <TableCell>{roles.join(', ')}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function AccountDetails({ lookup }: { lookup: AccountLookupResponse }) {
  const { account, settings } = lookup;
  const prefs = useCliPreferences(settings.profiles);
  const profiles = useMemo(
    () =>
      new Map(
        planProfiles([account], {
          ...settings.profiles,
          defaultRegion: prefs.region,
        }).map(p => [profileKey(p.accountId, p.roleName), p]),
      ),
    [account, settings.profiles, prefs.region],
  );
  const myRoles = useMemo(
    () =>
      lookup.myRoles &&
      new Set(lookup.myRoles.map(role => profileKey(account.id, role))),
    [lookup.myRoles, account.id],
  );
  const held = lookup.myRoles?.length ?? 0;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <SyncStatusWarning />
      <InfoCard
        title="Who holds roles here"
        subheader={`Account ${account.id}`}
        headerProps={{
          action: account.environment ? (
            <Chip size="small" label={account.environment} />
          ) : undefined,
        }}
      >
        <WhoHoldsRoles lookup={lookup} />
      </InfoCard>
      {lookup.myRoles && (
        <Typography>
          {held === 0
            ? 'You hold no role in this account.'
            : `You hold ${held} of the ${account.roles.length} roles in this account.`}
        </Typography>
      )}
      {account.roles.length > 0 && (
        <ProfileBlocks
          settings={settings}
          accounts={[account]}
          profiles={profiles}
          variant={prefs.variant}
          myRoles={myRoles}
          teams={lookup.teams}
        />
      )}
    </Box>
  );
}

/** One account looked up by id: who holds which role there, and the reader's own. */
export function AccountLookupView({ accountId }: { accountId: string }) {
  const api = useApi(awsAccessApiRef);
  // Live like the other views: a grant made meanwhile shows without a reload.
  const { value, loading, error } = useLiveAsync(
    () => api.getAccount(accountId),
    [api, accountId],
  );
  if (isNotAllowed(error)) {
    return <NotAllowed error={error} />;
  }
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <EmptyState
        missing="data"
        title={`No account ${JSON.stringify(accountId)} in IAM Identity Center`}
        description="Check the id, or search by the account's name above."
      />
    );
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not look up the account" />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  return (
    <>
      <ContentHeader title={`${value.account.name} (${value.account.id})`} />
      <AccountDetails lookup={value} />
    </>
  );
}
