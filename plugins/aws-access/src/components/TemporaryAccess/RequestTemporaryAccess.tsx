import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  AccessGrant,
  AwsAccountAccess,
  TemporaryAccessRule,
  TemporaryAccessSettings,
  sessionDurationMinutes,
} from '@aws-access/backstage-plugin-aws-access-common';
import { FormEvent, ReactNode, useMemo, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsAccessApiRef } from '../../api';
import { errorReason } from '../../api/errorReason';
import { useFormatMinutes } from '../../hooks/useFormatSessionDuration';
import { openGrantFor, useMyAccessGrants } from '../../hooks/useMyAccessGrants';
import { useRequestsLink } from '../../hooks/useRequestsLink';
import { awsAccessTranslationRef } from '../../translation';
import { OpenRequestState } from './OpenRequestState';
import { defaultDuration, durationChoices } from './durationChoices';

/** The longest reason the backend takes. */
const MAX_REASON = 1000;

/** An id for the dialog's fields: role names may hold `+=,.@`. */
const idOf = (...parts: string[]) =>
  `aws-access-request-${parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** What the request became, in words: waiting for an approver, or granted already. */
function GrantOutcome({ grant }: { grant: AccessGrant }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatMinutes = useFormatMinutes();
  const requestsLink = useRequestsLink();
  const named = {
    role: grant.role,
    duration: formatMinutes(grant.durationMinutes),
  };
  return (
    <Typography variant="body2" component="span" role="status">
      {grant.state === 'pending'
        ? t('temporaryAccess.pending', named)
        : t('temporaryAccess.granted', named)}
      {requestsLink && (
        <>
          {' '}
          <Link to={requestsLink}>{t('temporaryAccess.openRequests')}</Link>
        </>
      )}
    </Typography>
  );
}

/**
 * "Request temporary access" for a role the reader lacks, where the organisation's policy
 * covers its permission set: a dialog with the duration (bounded by the rule's maximum)
 * and the reason, then what became of the request, with a link to the Requests view.
 * While the reader has an open request for the role (made here or earlier, found in their
 * grants), the role says where it stands instead of offering the button; when their grants
 * cannot be loaded, the button stays.
 */
export function RequestTemporaryAccess(props: {
  account: Pick<AwsAccountAccess, 'organization' | 'id' | 'name'>;
  role: string;
  /** The role's session duration (ISO 8601), when known. */
  sessionDuration?: string;
  /** The rule that covers the role's permission set. */
  rule: TemporaryAccessRule;
  /** The organisation's policy: whether a reason is required and who approves. */
  policy: TemporaryAccessSettings;
  /** The organisation's title, when the portal serves several. */
  organizationTitle?: string;
}) {
  const { account, role, rule, policy } = props;
  // A session taken near the grant's end stays valid this long after it.
  const sessionMinutes =
    props.sessionDuration === undefined
      ? undefined
      : sessionDurationMinutes(props.sessionDuration);
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatMinutes = useFormatMinutes();
  const choices = useMemo(
    () => durationChoices(rule.maxDurationMinutes),
    [rule.maxDurationMinutes],
  );
  const [open, setOpen] = useState(false);
  const [duration, setDuration] = useState(() => defaultDuration(choices));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const mine = useMyAccessGrants();
  const reloadMine = mine.reload;
  const [state, submit] = useAsyncFn(
    async (request: { durationMinutes: number; reason?: string }) => {
      const grant = await api.requestTemporaryAccess({
        organization: account.organization,
        accountId: account.id,
        role,
        ...request,
      });
      reloadMine();
      return grant;
    },
    [api, account.organization, account.id, role, reloadMine],
  );
  const id = idOf(account.organization, account.id, role);
  const named = { role, accountName: account.name, accountId: account.id };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const given = reason.trim();
    if (policy.requireReason && !given) {
      setReasonMissing(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    submit({ durationMinutes: duration, ...(given && { reason: given }) });
  };

  let reasonHelp: string = t('temporaryAccess.reasonOptional');
  if (reasonMissing) {
    reasonHelp = t('temporaryAccess.reasonRequired');
  } else if (policy.requireReason) {
    reasonHelp = t('temporaryAccess.reasonHelp');
  }
  let approval: ReactNode = t('temporaryAccess.approvedByTeam');
  if (rule.selfService) {
    approval = t('temporaryAccess.selfService');
  } else if (policy.approvers !== 'team') {
    approval = t('temporaryAccess.approvedByGroup', {
      group: <EntityRefLink entityRef={policy.approvers} />,
    });
  }

  // A request made here that has closed since (denied, say) leaves the button to ask again.
  const [dismissed, setDismissed] = useState<AccessGrant>();
  const granted = state.value === dismissed ? undefined : state.value;
  const openGrant = openGrantFor(
    mine.grants,
    { organization: account.organization, accountId: account.id, role },
    granted,
  );
  if (openGrant && !open) {
    return <OpenRequestState grant={openGrant} />;
  }
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        onClick={() => {
          setDismissed(state.value);
          setOpen(true);
        }}
        aria-label={t('temporaryAccess.requestLabel', named)}
      >
        {t('temporaryAccess.request')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={`${id}-title`}
        fullWidth
        maxWidth="sm"
      >
        <form onSubmit={onSubmit} noValidate>
          <DialogTitle id={`${id}-title`}>
            {t('temporaryAccess.title')}
          </DialogTitle>
          <DialogContent>
            <Typography variant="body1" gutterBottom>
              {props.organizationTitle
                ? t('temporaryAccess.subjectInOrganization', {
                    ...named,
                    organization: props.organizationTitle,
                  })
                : t('temporaryAccess.subject', named)}
            </Typography>
            {granted ? (
              <GrantOutcome grant={granted} />
            ) : (
              <>
                <TextField
                  id={`${id}-duration`}
                  select
                  SelectProps={{ native: true }}
                  label={t('temporaryAccess.duration')}
                  value={duration}
                  onChange={event => setDuration(Number(event.target.value))}
                  helperText={t('temporaryAccess.durationHelp', {
                    max: formatMinutes(choices[choices.length - 1]),
                  })}
                  fullWidth
                  margin="normal"
                  variant="outlined"
                >
                  {choices.map(minutes => (
                    <option key={minutes} value={minutes}>
                      {formatMinutes(minutes)}
                    </option>
                  ))}
                </TextField>
                <TextField
                  id={`${id}-reason`}
                  label={t('temporaryAccess.reason')}
                  value={reason}
                  onChange={event => {
                    setReason(event.target.value);
                    setReasonMissing(false);
                  }}
                  required={policy.requireReason}
                  error={reasonMissing}
                  helperText={reasonHelp}
                  inputProps={{ maxLength: MAX_REASON }}
                  multiline
                  minRows={2}
                  fullWidth
                  margin="normal"
                  variant="outlined"
                />
                <Typography variant="body2">{approval}</Typography>
                {sessionMinutes !== undefined && sessionMinutes > duration && (
                  <Typography variant="body2">
                    {t('temporaryAccess.sessionOutlasts', {
                      session: formatMinutes(sessionMinutes),
                    })}
                  </Typography>
                )}
                {state.error && (
                  <Box mt={2}>
                    <Typography variant="body2" color="error" role="alert">
                      {t('temporaryAccess.failed', {
                        reason: errorReason(state.error),
                      })}
                    </Typography>
                  </Box>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {granted ? (
              <Button onClick={() => setOpen(false)}>
                {t('temporaryAccess.close')}
              </Button>
            ) : (
              <>
                <Button onClick={() => setOpen(false)}>
                  {t('temporaryAccess.cancel')}
                </Button>
                <Button
                  type="submit"
                  color="primary"
                  variant="contained"
                  disabled={state.loading}
                >
                  {state.loading
                    ? t('temporaryAccess.submitting')
                    : t('temporaryAccess.submit')}
                </Button>
              </>
            )}
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
