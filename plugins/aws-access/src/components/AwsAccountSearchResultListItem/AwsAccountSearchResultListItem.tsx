import {
  AwsAccountSearchDocument,
  DEFAULT_ORGANIZATION_ID,
} from '@aws-access/backstage-plugin-aws-access-common';
import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  Box,
  Chip,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { ReactNode } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../../translation';

/**
 * Props of {@link AwsAccountSearchResultListItem}.
 *
 * @public
 */
export interface AwsAccountSearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}

const teamName = (ref: string) => {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
};

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];

function Highlighted(props: {
  field: 'title';
  highlight?: ResultHighlight;
  fallback: string;
}) {
  const text = props.highlight?.fields[props.field];
  return text ? (
    <HighlightedSearchResultText
      text={text}
      preTag={props.highlight!.preTag}
      postTag={props.highlight!.postTag}
    />
  ) : (
    <>{props.fallback}</>
  );
}

/**
 * One line such as `Teams: payments, security`, or nothing for no names. In the body colour:
 * the search page puts results on its grey, where the theme's secondary text lacks contrast.
 */
function NamedList(props: { label: string; names: string[] }) {
  if (props.names.length === 0) return null;
  return (
    <Typography component="span" display="block" variant="body2">
      {props.label}: {props.names.join(', ')}
    </Typography>
  );
}

/**
 * A portal-search hit for an AWS account: its name linking to the account's page in AWS
 * Access, the id, its organisation (unless it is the only one), environment, the
 * teams holding roles there and the roles.
 *
 * @public
 */
export function AwsAccountSearchResultListItem(
  props: AwsAccountSearchResultListItemProps,
) {
  const { result, highlight, icon } = props;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  if (!result) return null;
  const account = result as Partial<AwsAccountSearchDocument> & SearchDocument;
  // Every document names its organisation, but a result cannot tell how many the portal
  // serves: the one of a single-organisation configuration (`default`) goes unnamed, so
  // such a portal shows its hits as it always did.
  const organizationTitle =
    typeof account.organizationTitle === 'string' &&
    account.organization !== DEFAULT_ORGANIZATION_ID
      ? account.organizationTitle
      : '';
  const teams = stringList(account.teams).map(teamName);
  const roles = stringList(account.roles);
  return (
    <>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        primaryTypographyProps={{ variant: 'h6' }}
        secondaryTypographyProps={{ color: 'textPrimary' }}
        primary={
          <Link noTrack to={account.location}>
            <Highlighted
              field="title"
              highlight={highlight}
              fallback={account.title}
            />
          </Link>
        }
        secondary={
          <Box component="span" display="block">
            <Typography component="span" variant="body2">
              {t('searchResult.account', {
                accountId: account.accountId ?? '',
              })}
              {organizationTitle && (
                <>
                  {' '}
                  <Chip
                    component="span"
                    size="small"
                    variant="outlined"
                    label={organizationTitle}
                  />
                </>
              )}
              {account.environment && (
                <>
                  {' '}
                  <Chip
                    component="span"
                    size="small"
                    label={account.environment}
                  />
                </>
              )}
            </Typography>
            <NamedList label={t('searchResult.teams')} names={teams} />
            <NamedList label={t('searchResult.roles')} names={roles} />
          </Box>
        }
      />
    </>
  );
}
