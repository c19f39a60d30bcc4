import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { consoleUrl } from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessApiRef } from '../../api';
import { useFormatSessionDuration } from '../../hooks/useFormatSessionDuration';
import { organizationOf } from '../../hooks/organizations';
import { AccountChips } from '../AccountChips';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { AccessUpdatedStatus } from '../LiveStatus';
import { SyncStatusWarning } from '../SyncStatusWarning';
import { awsAccessTranslationRef } from '../../translation';

/** The reverse view for an account Resource: which groups hold which roles there. */
export function AccountGrants({ entityRef }: { entityRef: string }) {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatSessionDuration = useFormatSessionDuration();
  const { value, loading, error, updatedAt } = useLiveAsync(
    () => api.getAccountGrants(entityRef),
    [api, entityRef],
  );
  if (error) {
    return (
      <ResponseErrorPanel error={error} title={t('accountGrants.error')} />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  const { account, grants, settings } = value;
  const organization = organizationOf(account, settings.organizations);
  if (grants.length === 0) {
    return (
      <>
        <AccessUpdatedStatus updatedAt={updatedAt} />
        <EmptyState
          missing="data"
          title={t('accountGrants.emptyTitle', { accountId: account.id })}
          description={t('accountGrants.emptyDescription')}
        />
      </>
    );
  }
  return (
    <>
      <AccessUpdatedStatus updatedAt={updatedAt} />
      <SyncStatusWarning />
      <InfoCard
        title={t('accountGrants.title', { accountName: account.name })}
        subheader={t('account.subheader', { accountId: account.id })}
        headerProps={{
          action: (
            <AccountChips
              organizationTitle={
                settings.organizations.length > 1
                  ? organization.title
                  : undefined
              }
            />
          ),
        }}
      >
        <Table
          size="small"
          aria-label={t('accountGrants.tableLabel', { accountId: account.id })}
        >
          <TableHead>
            <TableRow>
              <TableCell>{t('account.groupColumn')}</TableCell>
              <TableCell>{t('account.roleColumn')}</TableCell>
              <TableCell>{t('accountGrants.sessionColumn')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {grants.flatMap(grant =>
              grant.roles.map(role => (
                <TableRow key={`${grant.groupId}/${role.name}`}>
                  <TableCell>{grant.group}</TableCell>
                  <TableCell>{role.name}</TableCell>
                  <TableCell>
                    {role.sessionDuration &&
                      formatSessionDuration(role.sessionDuration)}
                  </TableCell>
                  <TableCell>
                    <Link
                      to={consoleUrl(
                        organization.sso.startUrl,
                        account.id,
                        role.name,
                      )}
                    >
                      {t('account.openConsole')}
                    </Link>
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </InfoCard>
    </>
  );
}
