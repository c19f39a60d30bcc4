import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  AccessGrant,
  AccessGrantAction,
  AccessGrantState,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useFormatMinutes } from '../../hooks/useFormatSessionDuration';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';
import { minutesLeft } from './grantSections';

const useStyles = makeStyles({
  // Backstage's theme breaks words anywhere in table cells ("Durati/on"): here words
  // stay whole and columns are as wide as their longest word.
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'break-word' },
  },
  // Free text may hold one long word (a pasted URL, a hostile string): it breaks anywhere
  // rather than widening the table.
  reason: { overflowWrap: 'anywhere', minWidth: 160 },
  action: { whiteSpace: 'nowrap' },
});

/** The buttons a grant may show, in this order. */
const ACTIONS: AccessGrantAction[] = ['approve', 'deny', 'revoke', 'cancel'];

function stateLabel(t: AwsAccessTranslate, state: AccessGrantState): string {
  switch (state) {
    case 'pending':
      return t('requests.statePending');
    case 'approved':
      return t('requests.stateApproved');
    case 'granting':
      return t('requests.stateGranting');
    case 'active':
      return t('requests.stateActive');
    case 'expiring':
      return t('requests.stateExpiring');
    case 'removed':
      return t('requests.stateRemoved');
    case 'denied':
      return t('requests.stateDenied');
    case 'cancelled':
      return t('requests.stateCancelled');
    case 'failed':
      return t('requests.stateFailed');
    default:
      return state;
  }
}

function actionLabel(t: AwsAccessTranslate, action: AccessGrantAction) {
  switch (action) {
    case 'approve':
      return t('requests.approve');
    case 'deny':
      return t('requests.deny');
    case 'revoke':
      return t('requests.revoke');
    default:
      return t('requests.cancel');
  }
}

/** Who decided: the approver or the one who denied; self-service needs nobody. */
function Decision({
  grant,
  decidedBy,
}: {
  grant: AccessGrant;
  decidedBy: string;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  // The catalog's name for them, as the requester column shows it.
  const { primaryTitle: who } = useEntityPresentation(decidedBy, {
    defaultKind: 'user',
  });
  let text: string;
  if (grant.state === 'denied') {
    text = t('requests.deniedBy', { who });
  } else if (decidedBy === grant.requester) {
    text = t('requests.selfService');
  } else {
    text = t('requests.approvedBy', { who });
  }
  return <Typography variant="body2">{text}</Typography>;
}

/** Who took a grant back early, and why. */
function Revoke({
  grant,
  revokedBy,
}: {
  grant: AccessGrant;
  revokedBy: string;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { primaryTitle: who } = useEntityPresentation(revokedBy, {
    defaultKind: 'user',
  });
  return (
    <Typography variant="body2">
      {grant.revokeReason
        ? t('requests.revokedWithReason', { who, reason: grant.revokeReason })
        : t('requests.revoked', { who })}
    </Typography>
  );
}

/**
 * Where a grant is: a chip with its state, the time left while active, the reason of a
 * denial or revoke, the last error, and a warning while its removal is overdue.
 */
function GrantState({ grant, now }: { grant: AccessGrant; now: number }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatMinutes = useFormatMinutes();
  const left =
    grant.state === 'active' ? minutesLeft(grant.expiresAt, now) : undefined;
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Chip
        size="small"
        color={grant.state === 'active' ? 'primary' : 'default'}
        label={stateLabel(t, grant.state)}
      />
      {left !== undefined && left > 0 && (
        <Typography variant="body2">
          {t('requests.timeLeft', { time: formatMinutes(left) })}
        </Typography>
      )}
      {grant.decidedBy && grant.state !== 'cancelled' && (
        <Decision grant={grant} decidedBy={grant.decidedBy} />
      )}
      {grant.decisionReason && (
        <Typography variant="body2">
          {t('requests.decisionReason', { reason: grant.decisionReason })}
        </Typography>
      )}
      {grant.revokedBy && <Revoke grant={grant} revokedBy={grant.revokedBy} />}
      {grant.lastError && (
        <Typography variant="body2" color="error">
          {t('requests.lastError', { error: grant.lastError })}
        </Typography>
      )}
      {grant.overdue && (
        <Typography variant="body2" color="error">
          {t('requests.overdue')}
        </Typography>
      )}
    </Box>
  );
}

function GrantRow(props: {
  grant: AccessGrant;
  organizationTitle?: string;
  now: number;
  busy: boolean;
  onAction: (grant: AccessGrant, action: AccessGrantAction) => void;
}) {
  const { grant, organizationTitle, now, busy, onAction } = props;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatMinutes = useFormatMinutes();
  const { primaryTitle: requester } = useEntityPresentation(grant.requester);
  const classes = useStyles();
  const actions = ACTIONS.filter(action => grant.actions.includes(action));
  return (
    <TableRow>
      <TableCell>{`${grant.accountName} (${grant.accountId})`}</TableCell>
      {organizationTitle !== undefined && (
        <TableCell>{organizationTitle}</TableCell>
      )}
      <TableCell>{grant.role}</TableCell>
      <TableCell>
        <EntityRefLink entityRef={grant.requester} defaultKind="user" />
      </TableCell>
      <TableCell>{formatMinutes(grant.durationMinutes)}</TableCell>
      <TableCell className={classes.reason}>
        {grant.reason || t('requests.noReason')}
      </TableCell>
      <TableCell>
        <GrantState grant={grant} now={now} />
      </TableCell>
      <TableCell>
        <Box display="flex" flexWrap="wrap" gridGap={8}>
          {actions.map(action => (
            <Button
              key={action}
              size="small"
              className={classes.action}
              variant={action === 'approve' ? 'contained' : 'outlined'}
              color="primary"
              disabled={busy}
              onClick={() => onAction(grant, action)}
              aria-label={t('requests.actionLabel', {
                action: actionLabel(t, action),
                role: grant.role,
                accountName: grant.accountName,
                requester,
              })}
            >
              {actionLabel(t, action)}
            </Button>
          ))}
        </Box>
      </TableCell>
    </TableRow>
  );
}

/** One section's grants in a table, named `label`; the organisation column with several. */
export function GrantsTable(props: {
  label: string;
  grants: AccessGrant[];
  /** Organisation titles by id, when the portal serves several; else no column. */
  organizationTitles?: Map<string, string>;
  now: number;
  busyId?: string;
  onAction: (grant: AccessGrant, action: AccessGrantAction) => void;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const classes = useStyles();
  const titles = props.organizationTitles;
  return (
    <Table size="small" aria-label={props.label} className={classes.table}>
      <TableHead>
        <TableRow>
          <TableCell>{t('requests.accountColumn')}</TableCell>
          {titles && <TableCell>{t('requests.organizationColumn')}</TableCell>}
          <TableCell>{t('requests.roleColumn')}</TableCell>
          <TableCell>{t('requests.requesterColumn')}</TableCell>
          <TableCell>{t('requests.durationColumn')}</TableCell>
          <TableCell>{t('requests.reasonColumn')}</TableCell>
          <TableCell>{t('requests.stateColumn')}</TableCell>
          <TableCell>{t('requests.actionsColumn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.grants.map(grant => (
          <GrantRow
            key={grant.id}
            grant={grant}
            organizationTitle={
              titles && (titles.get(grant.organization) ?? grant.organization)
            }
            now={props.now}
            busy={props.busyId === grant.id}
            onAction={props.onAction}
          />
        ))}
      </TableBody>
    </Table>
  );
}
