import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { accountKey, organizationOf } from '../../hooks/organizations';
import { EntityAwsAccess } from '../EntityAwsAccess';
import { AccountGrants } from '../AccountGrants';
import { accountIdOfResource } from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessTranslationRef } from '../../translation';

/** Entity tab content: the full view for the entity in context. */
export function EntityAwsAccessContent() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  return accountIdOfResource(entity) ? (
    <AccountGrants entityRef={ref} />
  ) : (
    <EntityAwsAccess entityRef={ref} />
  );
}

/**
 * Entity overview card: the entity's accounts and role names at a glance, each with its
 * organisation when the portal serves several.
 */
export function EntityAwsAccessCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { value, loading, error } = useEntityAccess(stringifyEntityRef(entity));

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} title={t('entity.loadError')} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else if (value.accounts.length === 0) {
    body = <Typography>{t('entity.cardNoAccounts')}</Typography>;
  } else {
    const { organizations } = value.settings;
    // With several organisations the same account name may be in two: name each one's.
    const primary = (account: (typeof value.accounts)[number]) =>
      organizations.length > 1
        ? t('entity.cardAccountInOrganization', {
            accountName: account.name,
            accountId: account.id,
            organization: organizationOf(account, organizations).title,
          })
        : `${account.name} (${account.id})`;
    body = (
      <List dense>
        {value.accounts.map(account => (
          <ListItem key={accountKey(account)}>
            <ListItemText
              primary={primary(account)}
              secondary={account.roles.map(r => r.name).join(', ')}
            />
          </ListItem>
        ))}
      </List>
    );
  }
  return <InfoCard title={t('entity.cardTitle')}>{body}</InfoCard>;
}
