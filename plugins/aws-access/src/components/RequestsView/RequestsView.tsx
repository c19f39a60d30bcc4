import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import { Box, Typography } from '@material-ui/core';
import {
  AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  AccessGrant,
  AccessGrantAction,
  AwsCliSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo, useState } from 'react';
import { awsAccessApiRef } from '../../api';
import { errorReason } from '../../api/errorReason';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { useNow } from '../../hooks/useNow';
import { useSignedInUserRef } from '../../hooks/useSignedInUserRef';
import { awsAccessTranslationRef } from '../../translation';
import { LiveStatus } from '../LiveStatus';
import { NotAllowed, isNotAllowed } from '../NotAllowed';
import { GrantsTable } from './GrantsTable';
import { ReasonDialog } from './ReasonDialog';
import { grantSections } from './grantSections';

/** How often the time left on active grants is renewed. */
const CLOCK_MS = 30_000;

/** A decision that asks why first. */
type Asking = { grant: AccessGrant; action: 'deny' | 'revoke' };

/**
 * Organisation titles by id when the requests span several organisations or the portal
 * serves several; undefined (no column) otherwise.
 */
function organizationTitles(
  grants: AccessGrant[],
  settings: Pick<AwsCliSettings, 'organizations'> | undefined,
): Map<string, string> | undefined {
  const organizations = settings?.organizations ?? [];
  const used = new Set(grants.map(g => g.organization));
  if (organizations.length < 2 && used.size < 2) {
    return undefined;
  }
  return new Map(organizations.map(o => [o.id, o.title]));
}

/**
 * The Requests view: temporary-access requests the reader may approve, their own, and
 * others they see as an approver, each with its state and the actions the backend allows.
 * Reloads after each action and whenever the backend signals that grants changed.
 */
export function RequestsView(props: {
  /** The portal's organisations, for their titles; the reader's own settings. */
  settings?: Pick<AwsCliSettings, 'organizations'>;
}) {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const me = useSignedInUserRef();
  const now = useNow(CLOCK_MS);
  const { value, loading, error, updatedAt, reload } = useLiveAsync(
    () => api.listAccessGrants(),
    [api],
    AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  );
  const [busyId, setBusyId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [asking, setAsking] = useState<Asking>();
  const grants = value?.grants;
  const sections = useMemo(
    () => grants && grantSections(grants, me),
    [grants, me],
  );
  const titles = useMemo(
    () => grants && organizationTitles(grants, props.settings),
    [grants, props.settings],
  );

  const decide = async (
    grant: AccessGrant,
    action: AccessGrantAction,
    reason?: string,
  ) => {
    setBusyId(grant.id);
    setFailure(undefined);
    try {
      if (action === 'approve') await api.approveAccessGrant(grant.id);
      if (action === 'deny') await api.denyAccessGrant(grant.id, reason ?? '');
      if (action === 'revoke') await api.revokeAccessGrant(grant.id, reason);
      if (action === 'cancel') await api.cancelAccessGrant(grant.id);
    } catch (e) {
      setFailure(errorReason(e as Error));
    } finally {
      setBusyId(undefined);
      // Also after a refusal: a 409 means the grant changed under the reader.
      reload();
    }
  };
  const onAction = (grant: AccessGrant, action: AccessGrantAction) => {
    if (action === 'deny' || action === 'revoke') {
      setAsking({ grant, action });
    } else {
      decide(grant, action);
    }
  };

  let content: JSX.Element;
  if (isNotAllowed(error)) {
    content = <NotAllowed error={error} />;
  } else if (error instanceof ResponseError && error.statusCode === 404) {
    content = (
      <EmptyState
        missing="info"
        title={t('requests.notOfferedTitle')}
        description={t('requests.notOfferedDescription')}
      />
    );
  } else if (error) {
    content = (
      <ResponseErrorPanel error={error} title={t('requests.loadError')} />
    );
  } else if (loading || !grants || !sections) {
    content = <Progress />;
  } else if (grants.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title={t('requests.emptyTitle')}
        description={t('requests.emptyDescription')}
      />
    );
  } else {
    const table = (label: string, list: AccessGrant[]) => (
      <GrantsTable
        label={label}
        grants={list}
        organizationTitles={titles}
        now={now}
        busyId={busyId}
        onAction={onAction}
      />
    );
    content = (
      <Box display="flex" flexDirection="column" gridGap={16}>
        {failure && (
          <Typography color="error" role="alert">
            {t('requests.actionFailed', { reason: failure })}
          </Typography>
        )}
        <InfoCard title={t('requests.toApprove')}>
          {sections.toApprove.length > 0 ? (
            table(t('requests.toApprove'), sections.toApprove)
          ) : (
            <Typography>{t('requests.toApproveEmpty')}</Typography>
          )}
        </InfoCard>
        <InfoCard title={t('requests.mine')}>
          {sections.mine.length > 0 ? (
            table(t('requests.mine'), sections.mine)
          ) : (
            <Typography>{t('requests.mineEmpty')}</Typography>
          )}
        </InfoCard>
        {sections.others.length > 0 && (
          <InfoCard title={t('requests.others')}>
            {table(t('requests.others'), sections.others)}
          </InfoCard>
        )}
      </Box>
    );
  }

  const named = asking && {
    role: asking.grant.role,
    accountName: asking.grant.accountName,
    requester: asking.grant.requester,
  };
  return (
    <>
      <LiveStatus
        message={updatedAt && t('requests.updated')}
        messageKey={updatedAt}
      />
      <ContentHeader title={t('requests.title')} />
      {content}
      {asking && named && (
        <ReasonDialog
          title={
            asking.action === 'deny'
              ? t('requests.denyTitle')
              : t('requests.revokeTitle')
          }
          subject={t('requests.dialogSubject', named)}
          label={
            asking.action === 'deny'
              ? t('requests.denyReason')
              : t('requests.revokeReason')
          }
          confirmLabel={
            asking.action === 'deny' ? t('requests.deny') : t('requests.revoke')
          }
          required={asking.action === 'deny'}
          onClose={() => setAsking(undefined)}
          onConfirm={reason => {
            setAsking(undefined);
            decide(asking.grant, asking.action, reason);
          }}
        />
      )}
    </>
  );
}
