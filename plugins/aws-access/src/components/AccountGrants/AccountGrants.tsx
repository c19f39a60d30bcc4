import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import {
  consoleUrl,
  formatSessionDuration,
} from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessApiRef } from '../../api';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { SyncStatusWarning } from '../SyncStatusWarning';

/** The reverse view for an account Resource: which groups hold which roles there. */
export function AccountGrants({ entityRef }: { entityRef: string }) {
  const api = useApi(awsAccessApiRef);
  const { value, loading, error } = useLiveAsync(
    () => api.getAccountGrants(entityRef),
    [api, entityRef],
  );
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load who has access" />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  const { account, grants, settings } = value;
  if (grants.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={`No group holds a role in account ${account.id}`}
        description="IAM Identity Center has no group assignments for this account."
      />
    );
  }
  return (
    <>
      <SyncStatusWarning />
      <InfoCard
        title={`Who has access to ${account.name}`}
        subheader={`Account ${account.id}`}
      >
        <Table size="small" aria-label={`Access to account ${account.id}`}>
          <TableHead>
            <TableRow>
              <TableCell>IAM Identity Center group</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Session</TableCell>
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
                        settings.sso.startUrl,
                        account.id,
                        role.name,
                      )}
                    >
                      Open console
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
