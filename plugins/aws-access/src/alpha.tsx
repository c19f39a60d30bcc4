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
import CloudIcon from '@material-ui/icons/Cloud';
import { awsAccessApiRef, AwsAccessClient } from './api';
import { isAwsAccessAvailable } from './isAwsAccessAvailable';
import { accountRouteRef, rootRouteRef } from './routes';

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
    title: 'AWS Access',
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

/**
 * The AWS Access plugin for the new frontend system: the `/aws-access` page with its nav
 * item, the entity "AWS" tab and the entity card.
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
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    account: convertLegacyRouteRef(accountRouteRef),
  },
});
