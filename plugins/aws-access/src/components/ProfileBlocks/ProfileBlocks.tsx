import { InfoCard } from '@backstage/core-components';
import { Box } from '@material-ui/core';
import { memo, startTransition, useEffect, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AwsAccountAccess,
  AwsCliSettings,
  AwsConfigVariant,
  AwsOrganizationSettings,
  GrantingTeams,
  PlannedProfile,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useSignedInUserRef } from '../../hooks/useSignedInUserRef';
import { AccessGap } from './AccessGap';
import { RoleProfile } from './RoleProfile';
import { SsoSessionCard } from './SsoSessionCard';
import { profileKey } from '../../hooks/profileKey';
import { accountKey, organizationOf } from '../../hooks/organizations';
import { AccountChips } from '../AccountChips';
import { awsAccessTranslationRef } from '../../translation';

export interface ProfileBlocksProps {
  settings: AwsCliSettings;
  /** The organisations whose `[sso-session]` to show, one card each. */
  sessions: AwsOrganizationSettings[];
  accounts: AwsAccountAccess[];
  /** Planned profiles by {@link profileKey}. */
  profiles: Map<string, PlannedProfile>;
  variant: AwsConfigVariant;
  /** The signed-in user's own roles by {@link profileKey}, to show what they lack. */
  myRoles?: Set<string>;
  /** The catalog team behind each granting Identity Center group, by organisation. */
  teams?: GrantingTeams;
}

/** Cards rendered at once when the list changes; the rest follow without blocking input. */
const FIRST_CARDS = 4;

/**
 * The first few items of a new list at once, the rest in a transition right after: a
 * filter keystroke on a large team shows its first results in one short render, and the
 * reader can keep typing while the others are added.
 */
function useProgressiveList<T>(items: T[]): T[] {
  const [progress, setProgress] = useState({ items, count: FIRST_CARDS });
  let current = progress;
  if (progress.items !== items) {
    // A new list: start again from the first few (state derived during render).
    current = { items, count: FIRST_CARDS };
    setProgress(current);
  }
  const complete = current.count >= items.length;
  useEffect(() => {
    if (complete) return undefined;
    const timer = setTimeout(() =>
      startTransition(() =>
        setProgress(p => ({ ...p, count: p.items.length })),
      ),
    );
    return () => clearTimeout(timer);
  }, [complete, current.items]);
  return complete ? items : items.slice(0, current.count);
}

/**
 * One account's card. Memoised: when a filter narrows a large team, the cards that stay
 * are not rendered again, only those that come or go.
 */
const AccountCard = memo(function AccountCardContent(
  props: Omit<ProfileBlocksProps, 'accounts' | 'sessions'> & {
    account: AwsAccountAccess;
    user?: string;
  },
) {
  const { account, settings, profiles, variant, myRoles, teams, user } = props;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const organization = organizationOf(account, settings.organizations);
  // With one organisation the cards look as they always did.
  const organizationTitle =
    settings.organizations.length > 1 ? organization.title : undefined;
  const named = { accountName: account.name, accountId: account.id };
  return (
    <section
      aria-label={
        organizationTitle
          ? t('account.regionInOrganization', {
              ...named,
              organization: organizationTitle,
            })
          : t('account.region', named)
      }
    >
      <InfoCard
        title={account.name}
        subheader={t('account.subheader', { accountId: account.id })}
        headerProps={{
          action: (
            <AccountChips
              organizationTitle={organizationTitle}
              environment={account.environment}
            />
          ),
        }}
      >
        {account.roles.map(role => {
          const key = profileKey(account.organization, account.id, role.name);
          return (
            <RoleProfile
              key={role.name}
              account={account}
              role={role}
              profile={profiles.get(key)}
              organization={organization}
              variant={variant}
              gap={
                myRoles && (
                  <AccessGap
                    held={myRoles.has(key)}
                    account={account}
                    role={role.name}
                    sessionDuration={role.sessionDuration}
                    grantedVia={role.grantedVia}
                    teams={teams}
                    requestAccess={settings.requestAccess}
                    user={user}
                    temporaryAccess={organization.temporaryAccess}
                    organizationTitle={organizationTitle}
                  />
                )
              }
            />
          );
        })}
      </InfoCard>
    </section>
  );
});

/**
 * The `~/.aws/config` blocks: each organisation's SSO session once, then a card per
 * account with a profile per role, each referring to its own organisation's session.
 */
export function ProfileBlocks(props: ProfileBlocksProps) {
  const { settings, sessions, accounts, profiles, variant, myRoles, teams } =
    props;
  const user = useSignedInUserRef();
  const shown = useProgressiveList(accounts);
  const several = settings.organizations.length > 1;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {variant === 'sso-session' &&
        sessions.map(organization => (
          <SsoSessionCard
            key={organization.id}
            organization={organization}
            showOrganization={several}
          />
        ))}
      {shown.map(account => (
        <AccountCard
          key={accountKey(account)}
          account={account}
          settings={settings}
          profiles={profiles}
          variant={variant}
          myRoles={myRoles}
          teams={teams}
          user={user}
        />
      ))}
    </Box>
  );
}
