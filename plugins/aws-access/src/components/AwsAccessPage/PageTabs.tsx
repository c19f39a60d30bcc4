import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Tab, Tabs, makeStyles } from '@material-ui/core';
import { Link, useLocation } from 'react-router-dom';
import { requestsRouteRef, rootRouteRef } from '../../routes';
import { awsAccessTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  // Under the page header, where Backstage pages put their tabs.
  tabs: {
    gridArea: 'pageSubheader',
    backgroundColor: theme.palette.background.paper,
    paddingLeft: theme.spacing(3),
    // The theme's small minimum let the page's grid squeeze the row below the tabs'
    // height, cutting their labels.
    minHeight: 48,
    flexShrink: 0,
  },
}));

/**
 * The page's two views as tabs that are links: Accounts (teams, my access, the account
 * lookup) and Requests. Shown only where an organisation offers temporary access.
 */
export function PageTabs() {
  const classes = useStyles();
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { pathname } = useLocation();
  const accounts = useRouteRef(rootRouteRef)();
  const requests = useRouteRef(requestsRouteRef)();
  const selected =
    pathname === requests || pathname.startsWith(`${requests}/`) ? 1 : 0;
  return (
    <Tabs
      className={classes.tabs}
      value={selected}
      indicatorColor="primary"
      textColor="inherit"
      aria-label={t('page.tabsLabel')}
    >
      <Tab component={Link} to={accounts} label={t('page.accountsTab')} />
      <Tab component={Link} to={requests} label={t('page.requestsTab')} />
    </Tabs>
  );
}
