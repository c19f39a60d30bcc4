import { useMemo } from 'react';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Box, Chip, Typography } from '@material-ui/core';
import {
  EntityAccessResponse,
  PlannedProfile,
  planProfiles,
  renderProfileBlock,
  renderSsoSessionBlock,
} from '@aws-access/backstage-plugin-aws-access-common';
import { formatDuration } from './formatDuration';

const profileKey = (accountId: string, roleName: string) =>
  `${accountId}/${roleName}`;

/**
 * The `~/.aws/config` blocks for an entity: the SSO session once, then one profile
 * per account and role, each with a copy button.
 */
export function ProfileBlocks({ access }: { access: EntityAccessResponse }) {
  const { settings, accounts } = access;
  const profiles = useMemo(() => {
    const planned = planProfiles(accounts, settings.profiles);
    return new Map<string, PlannedProfile>(
      planned.map(p => [profileKey(p.accountId, p.roleName), p]),
    );
  }, [accounts, settings.profiles]);

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <section aria-label={`SSO session ${settings.sso.sessionName}`}>
        <InfoCard
          title={`SSO session "${settings.sso.sessionName}"`}
          subheader="Add this once to ~/.aws/config; every profile below refers to it."
        >
          <CodeSnippet
            language="ini"
            text={renderSsoSessionBlock(settings.sso)}
            showCopyCodeButton
          />
        </InfoCard>
      </section>
      {accounts.map(account => (
        <section
          key={account.id}
          aria-label={`Account ${account.name} (${account.id})`}
        >
          <InfoCard
            title={account.name}
            subheader={`Account ${account.id}`}
            headerProps={{
              action: account.environment ? (
                <Chip size="small" label={account.environment} />
              ) : undefined,
            }}
          >
            {account.roles.map(role => {
              const profile = profiles.get(profileKey(account.id, role.name));
              return (
                <Box key={role.name} mb={2}>
                  <Typography variant="h6" component="h3">
                    {role.name}
                  </Typography>
                  <Typography variant="body2" color="textSecondary">
                    {[
                      role.description,
                      role.sessionDuration &&
                        `Session lasts ${formatDuration(role.sessionDuration)}`,
                      `Granted via ${role.grantedVia.join(', ')}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                  {profile && (
                    <CodeSnippet
                      language="ini"
                      text={renderProfileBlock(
                        profile,
                        settings.sso,
                        settings.profiles,
                      )}
                      showCopyCodeButton
                    />
                  )}
                </Box>
              );
            })}
          </InfoCard>
        </section>
      ))}
    </Box>
  );
}
