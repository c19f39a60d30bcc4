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

/** Entity overview card: the entity's accounts and role names at a glance. */
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
    body = (
      <List dense>
        {value.accounts.map(account => (
          <ListItem key={account.id}>
            <ListItemText
              primary={`${account.name} (${account.id})`}
              secondary={account.roles.map(r => r.name).join(', ')}
            />
          </ListItem>
        ))}
      </List>
    );
  }
  return <InfoCard title={t('entity.cardTitle')}>{body}</InfoCard>;
}
