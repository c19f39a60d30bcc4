import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
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
          const team = lookup.teams[group];
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
        title={t('accountLookup.whoHoldsRoles')}
        subheader={t('account.subheader', { accountId: account.id })}
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
  const { t } = useTranslationRef(awsAccessTranslationRef);
  // Live like the other views: a grant made meanwhile shows without a reload.
  const { value, loading, error, updatedAt } = useLiveAsync(
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
        title={t('accountLookup.notFoundTitle', {
          accountId: JSON.stringify(accountId),
        })}
        description={t('accountLookup.notFoundDescription')}
      />
    );
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title={t('accountLookup.error')} />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  return (
    <>
      <AccessUpdatedStatus updatedAt={updatedAt} />
      <ContentHeader title={`${value.account.name} (${value.account.id})`} />
      <AccountDetails lookup={value} />
    </>
  );
}
