import { InfoCard } from '@backstage/core-components';
import { Box, Chip } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AwsAccountAccess,
  AwsCliSettings,
  AwsConfigVariant,
  PlannedProfile,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useSignedInUserRef } from '../../hooks/useSignedInUserRef';
import { AccessGap } from './AccessGap';
import { RoleProfile } from './RoleProfile';
import { SsoSessionCard } from './SsoSessionCard';
import { profileKey } from '../../hooks/profileKey';
import { awsAccessTranslationRef } from '../../translation';

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

/**
 * The `~/.aws/config` blocks: the SSO session once, then a card per account with a
 * profile per role.
 */
export function ProfileBlocks(props: ProfileBlocksProps) {
  const { settings, accounts, profiles, variant, myRoles, teams } = props;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const user = useSignedInUserRef();
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {variant === 'sso-session' && <SsoSessionCard sso={settings.sso} />}
      {accounts.map(account => (
        <section
          key={account.id}
          aria-label={t('account.region', {
            accountName: account.name,
            accountId: account.id,
          })}
        >
          <InfoCard
            title={account.name}
            subheader={t('account.subheader', { accountId: account.id })}
            headerProps={{
              action: account.environment ? (
                <Chip size="small" label={account.environment} />
              ) : undefined,
            }}
          >
            {account.roles.map(role => {
              const key = profileKey(account.id, role.name);
              return (
                <RoleProfile
                  key={role.name}
                  account={account}
                  role={role}
                  profile={profiles.get(key)}
                  settings={settings}
                  variant={variant}
                  gap={
                    myRoles && (
                      <AccessGap
                        held={myRoles.has(key)}
                        account={account}
                        role={role.name}
                        grantedVia={role.grantedVia}
                        teams={teams}
                        requestAccess={settings.requestAccess}
                        user={user}
                      />
                    )
                  }
                />
              );
            })}
          </InfoCard>
        </section>
      ))}
    </Box>
  );
}
