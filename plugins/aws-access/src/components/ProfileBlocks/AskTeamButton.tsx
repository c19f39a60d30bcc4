import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { Button, Typography } from '@material-ui/core';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsAccessApiRef } from '../../api';
import { errorReason } from '../../api/errorReason';
import { awsAccessTranslationRef } from '../../translation';

/**
 * Asks the team behind a group for a role with a Backstage notification, then says it
 * was sent, or why not.
 */
export function AskTeamButton(props: {
  /** The catalog Group behind the Identity Center group. */
  team: string;
  account: { organization: string; id: string; name: string };
  role: string;
  group: string;
}) {
  const { team, account, role, group } = props;
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { primaryTitle: teamTitle } = useEntityPresentation(team);
  const [state, ask] = useAsyncFn(
    () =>
      api.requestAccess({
        organization: account.organization,
        accountId: account.id,
        role,
        group,
      }),
    [api, account.organization, account.id, role, group],
  );
  if (state.value) {
    return (
      <Typography variant="body2" component="span" role="status">
        {t('askTeam.sent', { team: teamTitle })}
      </Typography>
    );
  }
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        disabled={state.loading}
        onClick={() => ask()}
        aria-label={t('askTeam.label', {
          team: teamTitle,
          role,
          accountName: account.name,
        })}
      >
        {state.loading
          ? t('askTeam.asking', { team: teamTitle })
          : t('askTeam.ask', { team: teamTitle })}
      </Button>
      {state.error && (
        <Typography variant="body2" component="span" color="error" role="alert">
          {t('askTeam.failed', {
            team: teamTitle,
            reason: errorReason(state.error),
          })}
        </Typography>
      )}
    </>
  );
}
