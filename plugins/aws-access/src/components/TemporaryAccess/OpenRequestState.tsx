import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Typography } from '@material-ui/core';
import { AccessGrant } from '@aws-access/backstage-plugin-aws-access-common';
import { useRequestsLink } from '../../hooks/useRequestsLink';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';

/** Where the reader's open request stands, in words. */
export function openRequestText(
  t: AwsAccessTranslate,
  grant: Pick<AccessGrant, 'state' | 'expiresAt'>,
): string {
  switch (grant.state) {
    case 'pending':
      return t('temporaryAccess.statePending');
    case 'approved':
    case 'granting':
      return t('temporaryAccess.stateApproved');
    case 'active':
      return grant.expiresAt
        ? t('temporaryAccess.stateActive', {
            time: new Date(grant.expiresAt),
            formatParams: {
              time: { dateStyle: 'medium', timeStyle: 'short' },
            },
          })
        : t('requests.stateActive');
    case 'expiring':
      return t('temporaryAccess.stateExpiring');
    default:
      return grant.state;
  }
}

/**
 * A role's open request by the reader, in place of "Request temporary access": its state
 * as text, and a link to the Requests view where it can be followed or withdrawn. A live
 * region, so a change the backend signals is read out.
 */
export function OpenRequestState({ grant }: { grant: AccessGrant }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const requestsLink = useRequestsLink();
  return (
    <Typography variant="body2" component="span" role="status">
      {openRequestText(t, grant)}
      {requestsLink && (
        <>
          {'. '}
          <Link to={requestsLink}>{t('temporaryAccess.openRequests')}</Link>
        </>
      )}
    </Typography>
  );
}
