import { Box, Chip, Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  RequestAccessSettings,
  grantingGroups,
  requestAccessUrl,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AskTeamButton } from './AskTeamButton';

/** A link into the configured request system for one role, through one group. */
function RequestLink(props: {
  urlTemplate: string;
  values: Parameters<typeof requestAccessUrl>[1];
}) {
  const { values } = props;
  return (
    <>
      {' '}
      (
      <Link
        to={requestAccessUrl(props.urlTemplate, values)}
        aria-label={`Request ${values.role} in ${values.accountName}${
          values.group ? ` through ${values.group}` : ''
        }`}
      >
        request access
      </Link>
      )
    </>
  );
}

/**
 * Whether the reader holds a role, and if not, which team to ask for it; with
 * `awsAccess.requestAccess` configured, also a link that asks, or a button that notifies
 * the team.
 */
export function AccessGap(props: {
  held: boolean;
  account: { id: string; name: string };
  role: string;
  grantedVia: string[];
  /** The catalog team behind each granting Identity Center group. */
  teams?: Record<string, string>;
  requestAccess?: RequestAccessSettings;
  /** The signed-in user's entity ref, for the request link. */
  user?: string;
}) {
  if (props.held) {
    return <Chip size="small" color="primary" label="You have this role" />;
  }
  const urlTemplate = props.requestAccess?.urlTemplate;
  const base = {
    accountId: props.account.id,
    accountName: props.account.name,
    role: props.role,
    user: props.user,
  };
  // Roles assigned to people directly cannot be asked for from a team.
  const groups = grantingGroups(props.grantedVia);
  if (groups.length === 0) {
    return (
      <Typography variant="body2" component="span">
        You do not have this role; it is assigned to people directly. Ask your
        AWS administrators
        {urlTemplate && <RequestLink urlTemplate={urlTemplate} values={base} />}
        .
      </Typography>
    );
  }
  // With notifyTeam on, each team behind a granting group can be asked from here.
  const askable = props.requestAccess?.notifyTeam
    ? groups.flatMap(group => {
        const team = props.teams?.[group];
        return team ? [{ group, team }] : [];
      })
    : [];
  return (
    <>
      <Typography variant="body2" component="span">
        You do not have this role. Ask{' '}
        {groups.map((group, i) => {
          const team = props.teams?.[group];
          return (
            <span key={group}>
              {i > 0 && ' or '}
              {team ? <EntityRefLink entityRef={team} /> : 'the owners'} to add
              you to &quot;{group}&quot;
              {urlTemplate && (
                <RequestLink
                  urlTemplate={urlTemplate}
                  values={{ ...base, group, team }}
                />
              )}
            </span>
          );
        })}
        .
      </Typography>
      {askable.length > 0 && (
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          gridGap={8}
          mt={1}
        >
          {askable.map(({ group, team }) => (
            <AskTeamButton
              key={group}
              team={team}
              account={props.account}
              role={props.role}
              group={group}
            />
          ))}
        </Box>
      )}
    </>
  );
}
