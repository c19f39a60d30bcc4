import { Box, Button, Paper, Typography } from '@material-ui/core';
import {
  EntityAccessResponse,
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useCliPreferences } from '../../hooks/useCliPreferences';
import { useMyRoles } from '../../hooks/useMyRoles';
import { AccountFilter, NO_FILTER, filterAccounts } from '../AccountFilter';
import { CliToolbar } from '../CliToolbar';
import { OnboardingChecklist } from '../OnboardingChecklist';
import { profileKey } from '../../hooks/profileKey';
import { ProfileBlocks } from '../ProfileBlocks';
import { Troubleshooting } from '../Troubleshooting';
import { awsAccessTranslationRef } from '../../translation';

/** Accounts rendered at once; more on request, so large teams stay responsive. */
const PAGE_SIZE = 20;

/**
 * An entity's accounts with everything to use them from the CLI: the toolbar for the
 * whole config, the filter, a page of profile blocks, the checklist and troubleshooting.
 */
export function AccessView({
  subject,
  access,
}: {
  subject: string;
  access: EntityAccessResponse;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { settings, accounts } = access;
  const prefs = useCliPreferences(settings.profiles);
  const planned = useMemo(
    () =>
      planProfiles(accounts, {
        ...settings.profiles,
        defaultRegion: prefs.region,
      }),
    [accounts, settings.profiles, prefs.region],
  );
  const profiles = useMemo(
    () => new Map(planned.map(p => [profileKey(p.accountId, p.roleName), p])),
    [planned],
  );
  const myRoles = useMyRoles(subject);
  const [filter, setFilter] = useState(NO_FILTER);
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Typing stays responsive on large teams: the field updates at once, the cards after.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(
    () => filterAccounts(accounts, deferredFilter),
    [accounts, deferredFilter],
  );
  const shown = useMemo(() => visible.slice(0, limit), [visible, limit]);
  const getConfigText = useCallback(
    () =>
      renderAwsConfig(planned, settings.sso, settings.profiles, prefs.variant),
    [planned, settings, prefs.variant],
  );
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {/* On paper: the theme's secondary text (field labels) lacks contrast on the page's grey. */}
      <Paper variant="outlined">
        <Box p={2} display="flex" flexDirection="column" gridGap={16}>
          <CliToolbar
            subject={subject}
            getConfigText={getConfigText}
            regions={settings.profiles.regions}
            region={prefs.region}
            variant={prefs.variant}
            onRegionChange={prefs.setRegion}
            onLegacyCliChange={prefs.setLegacyCli}
          />
          <AccountFilter
            accounts={accounts}
            value={filter}
            onChange={value => {
              setFilter(value);
              setLimit(PAGE_SIZE);
            }}
          />
        </Box>
      </Paper>
      <ProfileBlocks
        settings={settings}
        accounts={shown}
        profiles={profiles}
        variant={prefs.variant}
        myRoles={myRoles}
        teams={access.teams}
      />
      {visible.length === 0 && <Typography>{t('filter.noMatch')}</Typography>}
      {visible.length > limit && (
        <Button variant="outlined" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('filter.showMore', {
            shown: Math.min(PAGE_SIZE, visible.length - limit),
            count: visible.length - limit,
          })}
        </Button>
      )}
      <OnboardingChecklist sso={settings.sso} example={planned[0]} />
      <Troubleshooting sso={settings.sso} />
    </Box>
  );
}
