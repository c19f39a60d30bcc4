import { Box, Chip, Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AwsAccountAccess,
  GrantingTeams,
  RequestAccessSettings,
  TemporaryAccessSettings,
  grantingGroups,
  requestAccessUrl,
  teamOfGroup,
  temporaryAccessRuleFor,
} from '@aws-access/backstage-plugin-aws-access-common';
import { ReactNode } from 'react';
import { AskTeamButton } from './AskTeamButton';
import { RequestTemporaryAccess } from '../TemporaryAccess';
import { awsAccessTranslationRef } from '../../translation';

/** A link into the configured request system for one role, through one group. */
function RequestLink(props: {
  urlTemplate: string;
  values: Parameters<typeof requestAccessUrl>[1];
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { values } = props;
  const named = {
    role: values.role ?? '',
    accountName: values.accountName ?? '',
  };
  const label = values.group
    ? t('accessGap.requestThroughLabel', { ...named, group: values.group })
    : t('accessGap.requestLabel', named);
  return (
    <>
      {' '}
      (
      <Link to={requestAccessUrl(props.urlTemplate, values)} aria-label={label}>
        {t('accessGap.request')}
      </Link>
      )
    </>
  );
}

/** The buttons under a gap's text, wrapping on narrow cards. */
function Controls({ children }: { children: ReactNode }) {
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8} mt={1}>
      {children}
    </Box>
  );
}

/**
 * Whether the reader holds a role, and if not, which team to ask for it; with
 * `awsAccess.requestAccess` configured, also a link that asks, or a button that notifies
 * the team. Where the organisation's temporary-access policy covers the role, a button
 * requests it for a while instead of the notification; while the reader's own request for
 * it is open, the role says where that request stands instead.
 */
export function AccessGap(props: {
  held: boolean;
  account: Pick<AwsAccountAccess, 'organization' | 'id' | 'name'>;
  role: string;
  /** The role's session duration (ISO 8601), when Identity Center says. */
  sessionDuration?: string;
  grantedVia: string[];
  /** The catalog team behind each granting Identity Center group, by organisation. */
  teams?: GrantingTeams;
  requestAccess?: RequestAccessSettings;
  /** The signed-in user's entity ref, for the request link. */
  user?: string;
  /** The account's organisation's temporary-access policy; absent when it has none. */
  temporaryAccess?: TemporaryAccessSettings;
  /** The account's organisation's title, when the portal serves several. */
  organizationTitle?: string;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  if (props.held) {
    return <Chip size="small" color="primary" label={t('accessGap.held')} />;
  }
  const rule = temporaryAccessRuleFor(props.temporaryAccess, props.role);
  const requestTemporary = rule && props.temporaryAccess && (
    <Controls>
      <RequestTemporaryAccess
        account={props.account}
        role={props.role}
        sessionDuration={props.sessionDuration}
        rule={rule}
        policy={props.temporaryAccess}
        organizationTitle={props.organizationTitle}
      />
    </Controls>
  );
  const urlTemplate = props.requestAccess?.urlTemplate;
  const base = {
    organization: props.account.organization,
    accountId: props.account.id,
    accountName: props.account.name,
    role: props.role,
    user: props.user,
  };
  // Roles assigned to people directly cannot be asked for from a team.
  const groups = grantingGroups(props.grantedVia);
  if (groups.length === 0) {
    return (
      <>
        <Typography variant="body2" component="span">
          {t('accessGap.direct', {
            request: urlTemplate ? (
              <RequestLink urlTemplate={urlTemplate} values={base} />
            ) : (
              ''
            ),
          })}
        </Typography>
        {requestTemporary}
      </>
    );
  }
  // With notifyTeam on, each team behind a granting group can be asked from here, unless
  // the role can be requested for a while: then its approvers hear of the request.
  const askable =
    props.requestAccess?.notifyTeam && !requestTemporary
      ? groups.flatMap(group => {
          const team = teamOfGroup(props.teams, props.account, group);
          return team ? [{ group, team }] : [];
        })
      : [];
  return (
    <>
      <Typography variant="body2" component="span">
        {t('accessGap.ask', {
          teams: (
            <>
              {groups.map((group, i) => {
                const team = teamOfGroup(props.teams, props.account, group);
                return (
                  <span key={group}>
                    {i > 0 && ` ${t('accessGap.or')} `}
                    {t('accessGap.askTeam', {
                      team: team ? (
                        <EntityRefLink entityRef={team} />
                      ) : (
                        t('accessGap.owners')
                      ),
                      group,
                      request: urlTemplate ? (
                        <RequestLink
                          urlTemplate={urlTemplate}
                          values={{ ...base, group, team }}
                        />
                      ) : (
                        ''
                      ),
                    })}
                  </span>
                );
              })}
            </>
          ),
        })}
      </Typography>
      {requestTemporary}
      {askable.length > 0 && (
        <Controls>
          {askable.map(({ group, team }) => (
            <AskTeamButton
              key={group}
              team={team}
              account={props.account}
              role={props.role}
              group={group}
            />
          ))}
        </Controls>
      )}
    </>
  );
}
