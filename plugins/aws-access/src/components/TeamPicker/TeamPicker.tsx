import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { SIGNED_IN_USER } from '@aws-access/backstage-plugin-aws-access-common';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import { Team } from '../../hooks/useTeams';

/** Lists the catalog's Groups, the reader's own first; choosing one calls `onSelect`. */
export function TeamPicker(props: {
  selected?: string;
  onSelect: (ref: string) => void;
  teams: { value?: Team[]; loading: boolean; error?: Error };
}) {
  const [search, setSearch] = useState('');
  const { value, loading, error } = props.teams;

  const needle = search.trim().toLocaleLowerCase();
  const shown = (value ?? []).filter(
    t =>
      !needle ||
      t.title.toLocaleLowerCase().includes(needle) ||
      t.ref.includes(needle),
  );

  return (
    <InfoCard title="Teams" noPadding>
      <List component="nav" aria-label="Your access" dense>
        <ListItem
          button
          selected={props.selected === SIGNED_IN_USER}
          onClick={() => props.onSelect(SIGNED_IN_USER)}
        >
          <ListItemText
            primary="My access"
            secondary="Every account and role you hold"
          />
        </ListItem>
      </List>
      <Box px={2} pb={1}>
        <TextField
          fullWidth
          size="small"
          id="aws-access-team-search"
          label="Search teams"
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
      </Box>
      {error && (
        <ResponseErrorPanel error={error} title="Could not load teams" />
      )}
      {loading && <Progress />}
      {value && value.length === 0 && (
        <Typography style={{ padding: 16 }}>
          The catalog has no Groups yet.
        </Typography>
      )}
      {value && value.length > 0 && (
        <List component="nav" aria-label="Teams" dense>
          {shown.map(team => (
            <ListItem
              key={team.ref}
              button
              selected={team.ref === props.selected}
              onClick={() => props.onSelect(team.ref)}
            >
              <ListItemText
                primary={team.title}
                secondary={team.own ? `Your team · ${team.ref}` : team.ref}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
