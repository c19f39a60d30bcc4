import { Chip, Typography } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { grantingGroups } from '@aws-access/backstage-plugin-aws-access-common';

/** Whether the reader holds a role, and if not, which team to ask for it. */
export function AccessGap(props: {
  held: boolean;
  grantedVia: string[];
  /** The catalog team behind each granting Identity Center group. */
  teams?: Record<string, string>;
}) {
  if (props.held) {
    return <Chip size="small" color="primary" label="You have this role" />;
  }
  // Roles assigned to people directly cannot be asked for from a team.
  const groups = grantingGroups(props.grantedVia);
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
