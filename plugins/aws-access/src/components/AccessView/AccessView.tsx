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
import { organizationsOf } from '../../hooks/organizations';
import { regionChoices } from '../../hooks/regionPreference';
import { ProfileBlocks } from '../ProfileBlocks';
import { Troubleshooting } from '../Troubleshooting';
import { awsAccessTranslationRef } from '../../translation';

/** Accounts rendered at once; more on request, so large teams stay responsive. */
const PAGE_SIZE = 20;

/**
 * An entity's accounts with everything to use them from the CLI: the toolbar for the
 * whole config, the filter, a session card per organisation and a page of profile
 * blocks, the checklist and troubleshooting.
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
  // The sessions the reader needs: one per organisation the entity has accounts in. The
  // region choice is made among these organisations' regions only.
  const sessions = useMemo(
    () => organizationsOf(accounts, settings.organizations),
    [accounts, settings.organizations],
  );
  const prefs = useCliPreferences(sessions);
  // Planned from every account, not the filtered ones: names never change with a filter.
  const planned = useMemo(
    () => planProfiles(accounts, prefs.organizations),
    [accounts, prefs.organizations],
  );
  const profiles = useMemo(
    () =>
      new Map(
        planned.map(p => [
          profileKey(p.organization, p.accountId, p.roleName),
          p,
        ]),
      ),
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
  const visibleSessions = useMemo(
    () => organizationsOf(visible, settings.organizations),
    [visible, settings.organizations],
  );
  const getConfigText = useCallback(
    () => renderAwsConfig(planned, prefs.organizations, prefs.variant),
    [planned, prefs.organizations, prefs.variant],
  );
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {/* On paper: the theme's secondary text (field labels) lacks contrast on the page's grey. */}
      <Paper variant="outlined">
        <Box p={2} display="flex" flexDirection="column" gridGap={16}>
          <CliToolbar
            subject={subject}
            getConfigText={getConfigText}
            regions={regionChoices(sessions)}
            region={prefs.region}
            severalOrganizations={sessions.length > 1}
            variant={prefs.variant}
            onRegionChange={prefs.setRegion}
            onLegacyCliChange={prefs.setLegacyCli}
          />
          <AccountFilter
            accounts={accounts}
            organizations={settings.organizations}
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
        sessions={visibleSessions}
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
      <OnboardingChecklist organizations={sessions} example={planned[0]} />
      <Troubleshooting organizations={sessions} />
    </Box>
  );
}
