import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  Box,
  List,
  ListItem,
  ListItemText,
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
  teamOfGroup,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsAccessApiRef } from '../../api';
import { organizationOf } from '../../hooks/organizations';
import { usePortalOrganizations } from '../../hooks/usePortalOrganizations';
import { accountRouteRef } from '../../routes';
import { AccountChips } from '../AccountChips';
import { accountLink } from './accountLink';
import { useCliPreferences } from '../../hooks/useCliPreferences';
import { profileKey } from '../../hooks/profileKey';
import { ProfileBlocks } from '../ProfileBlocks';
import { NotAllowed, isNotAllowed } from '../NotAllowed';
import { AccessUpdatedStatus } from '../LiveStatus';
import { SyncStatusWarning } from '../SyncStatusWarning';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { grantsByGroup } from './grantsByGroup';
import { awsAccessTranslationRef } from '../../translation';

function WhoHoldsRoles({ lookup }: { lookup: AccountLookupResponse }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const grants = grantsByGroup(lookup.account);
  if (grants.length === 0) {
    return <Typography>{t('accountLookup.nobodyHoldsRoles')}</Typography>;
  }
  return (
    <Table size="small" aria-label={t('accountLookup.whoHoldsRoles')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('account.groupColumn')}</TableCell>
          <TableCell>{t('accountLookup.teamColumn')}</TableCell>
          <TableCell>{t('accountLookup.rolesColumn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {grants.map(({ group, roles }) => {
          const team = teamOfGroup(lookup.teams, lookup.account, group);
          return (
            <TableRow key={group}>
              <TableCell>
                {group === DIRECT_ASSIGNMENT
                  ? t('accountLookup.directAssignment')
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
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { account, settings } = lookup;
  const organization = organizationOf(account, settings.organizations);
  const sessions = useMemo(() => [organization], [organization]);
  const prefs = useCliPreferences(sessions);
  const profiles = useMemo(
    () =>
      new Map(
        planProfiles([account], prefs.organizations).map(p => [
          profileKey(p.organization, p.accountId, p.roleName),
          p,
        ]),
      ),
    [account, prefs.organizations],
  );
  const myRoles = useMemo(
    () =>
      lookup.myRoles &&
      new Set(
        lookup.myRoles.map(role =>
          profileKey(account.organization, account.id, role),
        ),
      ),
    [lookup.myRoles, account.organization, account.id],
  );
  const held = lookup.myRoles?.length ?? 0;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <SyncStatusWarning />
      <InfoCard
        title={t('accountLookup.whoHoldsRoles')}
        subheader={t('account.subheader', { accountId: account.id })}
        headerProps={{
          action: (
            <AccountChips
              organizationTitle={
                settings.organizations.length > 1
                  ? organization.title
                  : undefined
              }
              environment={account.environment}
            />
          ),
        }}
      >
        <WhoHoldsRoles lookup={lookup} />
      </InfoCard>
      {lookup.myRoles && (
        <Typography>
          {held === 0
            ? t('accountLookup.youHoldNone')
            : t('accountLookup.youHold', {
                held,
                count: account.roles.length,
              })}
        </Typography>
      )}
      {account.roles.length > 0 && (
        <ProfileBlocks
          settings={settings}
          sessions={sessions}
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

/** Whether the backend refused an id several organisations know (a 400 naming the parameter). */
function namesOrganization(error: Error | undefined): boolean {
  return (
    error instanceof ResponseError &&
    error.statusCode === 400 &&
    error.body.error.message.includes("'organization'")
  );
}

/**
 * Several organisations know the account id and none was named: the organisations to
 * choose from, each a link to its account.
 */
function ChooseOrganization({ accountId }: { accountId: string }) {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const accountRoute = useRouteRef(accountRouteRef);
  const organizations = usePortalOrganizations();
  const { value, error } = useAsync(
    () => api.searchAccounts(accountId),
    [api, accountId],
  );
  if (error) {
    return (
      <ResponseErrorPanel error={error} title={t('accountLookup.error')} />
    );
  }
  if (!value) {
    return <Progress />;
  }
  const hits = value.items.filter(hit => hit.id === accountId);
  return (
    <InfoCard title={t('accountLookup.chooseOrganizationTitle', { accountId })}>
      <List dense aria-label={t('accountLookup.chooseOrganizationLabel')}>
        {hits.map(hit => (
          <ListItem key={hit.organization}>
            <ListItemText
              primary={
                <Link
                  to={accountLink(
                    accountRoute({ accountId: hit.id }),
                    hit.organization,
                  )}
                >
                  {organizations?.find(o => o.id === hit.organization)?.title ??
                    hit.organization}
                </Link>
              }
              secondary={hit.name}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}

/**
 * One account looked up by id, in `organization` when given (`?organization=` in the
 * URL): who holds which role there, and the reader's own.
 */
export function AccountLookupView({
  accountId,
  organization,
}: {
  accountId: string;
  organization?: string;
}) {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  // Live like the other views: a grant made meanwhile shows without a reload.
  const { value, loading, error, updatedAt } = useLiveAsync(
    () => api.getAccount(accountId, { organization }),
    [api, accountId, organization],
  );
  if (isNotAllowed(error)) {
    return <NotAllowed error={error} />;
  }
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <EmptyState
        missing="data"
        title={t('accountLookup.notFoundTitle', {
          accountId: JSON.stringify(accountId),
        })}
        description={t('accountLookup.notFoundDescription')}
      />
    );
  }
  if (!organization && namesOrganization(error)) {
    return <ChooseOrganization accountId={accountId} />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title={t('accountLookup.error')} />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  const { account, settings } = value;
  return (
    <>
      <AccessUpdatedStatus updatedAt={updatedAt} />
      <ContentHeader
        title={
          settings.organizations.length > 1
            ? t('accountLookup.titleInOrganization', {
                accountName: account.name,
                accountId: account.id,
                organization: organizationOf(account, settings.organizations)
                  .title,
              })
            : `${account.name} (${account.id})`
        }
      />
      <AccountDetails lookup={value} />
    </>
  );
}
