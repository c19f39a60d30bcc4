// Compiled against the installed packages only: what an installing organisation writes.
import {
  AwsAccessClient,
  AwsAccessPage,
  AwsAccountSearchResultListItem,
  EntityAwsAccessCard,
  EntityAwsAccessContent,
  RenderOptions,
  awsAccessApiRef,
  awsAccessPlugin,
  isAwsAccessAvailable,
} from '@aws-access/backstage-plugin-aws-access';
import awsAccessFeature from '@aws-access/backstage-plugin-aws-access/alpha';
import awsAccessBackend from '@aws-access/backstage-plugin-aws-access-backend';
import {
  AccountIndexResponse,
  AwsAccountSearchDocument,
  EntityAccessResponse,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import awsAccessSearchModule, {
  AwsAccountCollatorFactory,
} from '@aws-access/backstage-plugin-search-backend-module-aws-access';

export const legacyRoutes = [
  <AwsAccessPage key="page" />,
  <EntityAwsAccessContent key="tab" />,
  <EntityAwsAccessCard key="card" />,
  <AwsAccountSearchResultListItem key="search" />,
];
export const options: RenderOptions = { region: 'eu-north-1' };
export const parts = [
  awsAccessPlugin.getId(),
  awsAccessApiRef.id,
  AwsAccessClient.name,
  awsAccessFeature.$$type,
  awsAccessBackend.$$type,
  awsAccessSearchModule.$$type,
  AwsAccountCollatorFactory.name,
  renderAwsConfig.name,
];
export const shown = isAwsAccessAvailable({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart' },
});
export type Response = EntityAccessResponse;
export type IndexPage = AccountIndexResponse;
export type SearchHit = AwsAccountSearchDocument;
