import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { GroupEntity, stringifyEntityRef } from '@backstage/catalog-model';
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
import useAsync from 'react-use/esm/useAsync';

export interface Team {
  ref: string;
  title: string;
}

function toTeam(entity: GroupEntity): Team {
  return {
    ref: stringifyEntityRef(entity),
    title:
      entity.spec?.profile?.displayName ??
      entity.metadata.title ??
      entity.metadata.name,
  };
}

/** Lists the catalog's Groups; choosing one calls `onSelect` with its ref. */
export function TeamPicker(props: {
  selected?: string;
  onSelect: (ref: string) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const [search, setSearch] = useState('');
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile',
      ],
    });
    return (items as GroupEntity[])
      .map(toTeam)
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);

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
              <ListItemText primary={team.title} secondary={team.ref} />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
