import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Paper,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  AccountSearchHit,
  accountIdInText,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { awsAccessApiRef } from '../../api';
import { usePortalOrganizations } from '../../hooks/usePortalOrganizations';
import { accountRouteRef } from '../../routes';
import { accountLink } from './accountLink';
import { awsAccessTranslationRef } from '../../translation';

/** Hits shown under the box; the rest are a more precise query away. */
const SHOWN_HITS = 10;

function describeHit(
  hit: AccountSearchHit,
  matchedRoles: string,
  organizationTitle?: string,
): string {
  const parts = [hit.id];
  if (organizationTitle) parts.push(organizationTitle);
  if (hit.environment) parts.push(hit.environment);
  if (hit.matchedBy === 'permissionSet') {
    parts.push(matchedRoles);
  }
  return parts.join(' · ');
}

/**
 * One box to find any account in every organisation by id, ARN, name or permission set.
 * Enter on an id or ARN opens that account straight away. With several organisations
 * each hit names its organisation and its link carries it.
 */
export function AccountSearch() {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const accountRoute = useRouteRef(accountRouteRef);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(text.trim()), 250, [text]);
  const { value, loading, error } = useAsync(
    async () =>
      query ? api.searchAccounts(query, { limit: SHOWN_HITS }) : undefined,
    [api, query],
  );

  // Only once there are hits: the titles and the count come from the status.
  const organizations = usePortalOrganizations(Boolean(value?.items.length));
  const several = organizations && organizations.length > 1;
  const titleOf = (id: string) =>
    organizations?.find(o => o.id === id)?.title ?? id;
  const linkTo = (hit: Pick<AccountSearchHit, 'id' | 'organization'>) =>
    accountLink(
      accountRoute({ accountId: hit.id }),
      several ? hit.organization : undefined,
    );
  const open = (hit: Pick<AccountSearchHit, 'id' | 'organization'>) =>
    navigate(linkTo(hit));

  return (
    // On paper: the theme's secondary text lacks contrast on the page's grey.
    <Paper variant="outlined">
      <Box p={2}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          id="aws-access-account-search"
          label={t('accountSearch.label')}
          placeholder={t('accountSearch.placeholder')}
          value={text}
          onChange={e => setText(e.target.value)}
          onKeyDown={e => {
            if (e.key !== 'Enter') return;
            const id = accountIdInText(text);
            // An id with one hit of its own opens in that hit's organisation; an id
            // several organisations know opens without one, and the page asks which.
            const ofId = value?.items.filter(hit => hit.id === id) ?? [];
            if (id) {
              open(ofId.length === 1 ? ofId[0] : { id, organization: '' });
            } else if (value?.items.length === 1) {
              open(value.items[0]);
            }
          }}
        />
        {error && (
          <ResponseErrorPanel error={error} title={t('accountSearch.error')} />
        )}
        {loading && <Progress />}
        {value && value.totalCount === 0 && (
          <Typography variant="body2" style={{ padding: 8 }}>
            {t('accountSearch.noMatch', { query: value.query })}
          </Typography>
        )}
        {value && value.totalCount > 0 && (
          <List dense aria-label={t('accountSearch.resultsLabel')}>
            {value.items.map(hit => (
              <ListItem key={`${hit.organization}/${hit.id}`}>
                <ListItemText
                  primary={<Link to={linkTo(hit)}>{hit.name}</Link>}
                  secondary={describeHit(
                    hit,
                    t('accountSearch.matchedRoles', {
                      roles: hit.roles.join(', '),
                    }),
                    several ? titleOf(hit.organization) : undefined,
                  )}
                />
              </ListItem>
            ))}
            {value.totalCount > value.items.length && (
              <ListItem>
                <ListItemText
                  secondary={t('accountSearch.more', {
                    count: value.totalCount - value.items.length,
                  })}
                />
              </ListItem>
            )}
          </List>
        )}
      </Box>
    </Paper>
  );
}
