import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { AWS_ACCOUNT_SEARCH_TYPE } from '@aws-access/backstage-plugin-aws-access-common';
import CloudIcon from '@material-ui/icons/Cloud';
import { awsAccessApiRef, AwsAccessClient } from './api';
import { isAwsAccessAvailable } from './isAwsAccessAvailable';
import { isAwsAccountSearchResult } from './components/AwsAccountSearchResultListItem/isAwsAccountSearchResult';
import { accountRouteRef, requestsRouteRef, rootRouteRef } from './routes';
import { awsAccessTranslationRef } from './translation';

export { awsAccessTranslationRef } from './translation';

const awsAccessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new AwsAccessClient(deps),
    }),
});

const awsAccessPage = PageBlueprint.make({
  params: {
    path: '/aws-access',
    title: awsAccessTranslationRef('page.title'),
    icon: <CloudIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/AwsAccessPage').then(m =>
        compatWrapper(<m.AwsAccessPage />),
      ),
  },
});

const awsAccessEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/aws-access',
    title: 'AWS',
    filter: isAwsAccessAvailable,
    loader: () =>
      import('./components/EntityAwsAccessCard').then(m =>
        compatWrapper(<m.EntityAwsAccessContent />),
      ),
  },
});

const awsAccessEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isAwsAccessAvailable,
    loader: () =>
      import('./components/EntityAwsAccessCard').then(m =>
        compatWrapper(<m.EntityAwsAccessCard />),
      ),
  },
});

const awsAccountSearchResultItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: isAwsAccountSearchResult,
    icon: <CloudIcon />,
    component: () =>
      import('./components/AwsAccountSearchResultListItem').then(
        m => m.AwsAccountSearchResultListItem,
      ),
  },
});

const awsAccountSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: AWS_ACCOUNT_SEARCH_TYPE,
    name: 'AWS accounts',
    icon: <CloudIcon />,
  },
});

/**
 * The AWS Access plugin for the new frontend system: the `/aws-access` page with its nav
 * item, the entity "AWS" tab and the entity card, and AWS accounts in the portal's search
 * (a result item and a result type).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aws-access',
  title: 'AWS Access',
  icon: <CloudIcon />,
  extensions: [
    awsAccessApi,
    awsAccessPage,
    awsAccessEntityContent,
    awsAccessEntityCard,
    awsAccountSearchResultItem,
    awsAccountSearchResultType,
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    account: convertLegacyRouteRef(accountRouteRef),
    requests: convertLegacyRouteRef(requestsRouteRef),
  },
});
