import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
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
import { awsAccessTranslationRef } from '../../translation';

/** The selected item's grey lacks contrast with the theme's secondary text. */
const secondaryOn = (selected: boolean) => ({
  color: selected ? ('textPrimary' as const) : ('textSecondary' as const),
});

/** Lists the catalog's Groups, the reader's own first; choosing one calls `onSelect`. */
export function TeamPicker(props: {
  selected?: string;
  onSelect: (ref: string) => void;
  teams: { value?: Team[]; loading: boolean; error?: Error };
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const [search, setSearch] = useState('');
  const { value, loading, error } = props.teams;

  const needle = search.trim().toLocaleLowerCase();
  const shown = (value ?? []).filter(
    team =>
      !needle ||
      team.title.toLocaleLowerCase().includes(needle) ||
      team.ref.includes(needle),
  );

  return (
    <InfoCard title={t('teamPicker.title')} noPadding>
      <List component="nav" aria-label={t('teamPicker.ownAccessLabel')} dense>
        <ListItem
          button
          selected={props.selected === SIGNED_IN_USER}
          onClick={() => props.onSelect(SIGNED_IN_USER)}
        >
          <ListItemText
            primary={t('teamPicker.myAccess')}
            secondary={t('teamPicker.myAccessDescription')}
            secondaryTypographyProps={secondaryOn(
              props.selected === SIGNED_IN_USER,
            )}
          />
        </ListItem>
      </List>
      <Box px={2} pb={1}>
        <TextField
          fullWidth
          size="small"
          id="aws-access-team-search"
          label={t('teamPicker.search')}
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
      </Box>
      {error && (
        <ResponseErrorPanel error={error} title={t('teamPicker.loadError')} />
      )}
      {loading && <Progress />}
      {value && value.length === 0 && (
        <Typography style={{ padding: 16 }}>
          {t('teamPicker.noGroups')}
        </Typography>
      )}
      {value && value.length > 0 && (
        <List component="nav" aria-label={t('teamPicker.teamsLabel')} dense>
          {shown.map(team => (
            <ListItem
              key={team.ref}
              button
              selected={team.ref === props.selected}
              onClick={() => props.onSelect(team.ref)}
            >
              <ListItemText
                secondaryTypographyProps={secondaryOn(
                  team.ref === props.selected,
                )}
                primary={team.title}
                secondary={
                  team.own
                    ? t('teamPicker.ownTeam', { ref: team.ref })
                    : team.ref
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
