import { CodeSnippet, InfoCard, Link } from '@backstage/core-components';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  AwsAccountAccess,
  AwsCliSettings,
  AwsConfigVariant,
  PlannedProfile,
  consoleUrl,
  renderProfileBlock,
  renderSsoSessionBlock,
} from '@aws-access/backstage-plugin-aws-access-common';
import { RoleCliSteps } from '../RoleCliSteps';
import { formatDuration } from './formatDuration';

export const profileKey = (accountId: string, roleName: string) =>
  `${accountId}/${roleName}`;

export interface ProfileBlocksProps {
  settings: AwsCliSettings;
  accounts: AwsAccountAccess[];
  /** Planned profiles by {@link profileKey}. */
  profiles: Map<string, PlannedProfile>;
  variant: AwsConfigVariant;
  /** The signed-in user's own roles by {@link profileKey}, to show what they lack. */
  myRoles?: Set<string>;
  /** The catalog team behind each granting Identity Center group. */
  teams?: Record<string, string>;
}

function AccessGap(props: {
  held: boolean;
  grantedVia: string[];
  teams?: Record<string, string>;
}) {
  if (props.held) {
    return <Chip size="small" color="primary" label="You have this role" />;
  }
  // Roles assigned to users directly cannot be asked for from a team.
  const groups = props.grantedVia.filter(g => g !== 'direct assignment');
  if (groups.length === 0) {
    return (
      <Typography variant="body2" component="span">
        You do not have this role; it is assigned to people directly. Ask your
        AWS administrators.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      You do not have this role. Ask{' '}
      {groups.map((group, i) => {
        const team = props.teams?.[group];
        return (
          <span key={group}>
            {i > 0 && ' or '}
            {team ? <EntityRefLink entityRef={team} /> : 'the owners'} to add
            you to &quot;{group}&quot;
          </span>
        );
      })}
      .
    </Typography>
  );
}

/**
 * The `~/.aws/config` blocks: the SSO session once, then one profile per account and role,
 * each with a copy button, a console link and the CLI steps.
 */
export function ProfileBlocks(props: ProfileBlocksProps) {
  const { settings, accounts, profiles, variant, myRoles, teams } = props;
  const { sso } = settings;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {variant === 'sso-session' && (
        <section aria-label={`SSO session ${sso.sessionName}`}>
          <InfoCard
            title={`SSO session "${sso.sessionName}"`}
            subheader="Add this once to ~/.aws/config; every profile below refers to it."
          >
            <CodeSnippet
              language="ini"
              text={renderSsoSessionBlock(sso)}
              showCopyCodeButton
            />
          </InfoCard>
        </section>
      )}
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
                <Box key={role.name} mb={3}>
                  <Box
                    display="flex"
                    alignItems="baseline"
                    justifyContent="space-between"
                  >
                    <Typography variant="h6" component="h3">
                      {role.name}
                    </Typography>
                    <Link
                      to={consoleUrl(sso.startUrl, account.id, role.name)}
                      aria-label={`Open the console in ${account.name} as ${role.name}`}
                    >
                      Open console
                    </Link>
                  </Box>
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
                  {myRoles && (
                    <AccessGap
                      held={myRoles.has(profileKey(account.id, role.name))}
                      grantedVia={role.grantedVia}
                      teams={teams}
                    />
                  )}
                  {profile && (
                    <>
                      <CodeSnippet
                        language="ini"
                        text={renderProfileBlock(
                          profile,
                          sso,
                          settings.profiles,
                          variant,
                        )}
                        showCopyCodeButton
                      />
                      <Accordion TransitionProps={{ unmountOnExit: true }}>
                        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                          <Typography>
                            CLI steps for {profile.profileName}
                          </Typography>
                        </AccordionSummary>
                        <AccordionDetails>
                          <RoleCliSteps
                            profile={profile}
                            sso={sso}
                            output={settings.profiles.output}
                            sessionDuration={role.sessionDuration}
                          />
                        </AccordionDetails>
                      </Accordion>
                    </>
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
