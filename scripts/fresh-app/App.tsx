// Compiled against the installed packages only: what an installing organisation writes.
import {
  AwsAccessClient,
  AwsAccessPage,
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
  EntityAccessResponse,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';

export const legacyRoutes = [
  <AwsAccessPage key="page" />,
  <EntityAwsAccessContent key="tab" />,
  <EntityAwsAccessCard key="card" />,
];
export const options: RenderOptions = { region: 'eu-north-1' };
export const parts = [
  awsAccessPlugin.getId(),
  awsAccessApiRef.id,
  AwsAccessClient.name,
  awsAccessFeature.$$type,
  awsAccessBackend.$$type,
  renderAwsConfig.name,
];
export const shown = isAwsAccessAvailable({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart' },
});
export type Response = EntityAccessResponse;
