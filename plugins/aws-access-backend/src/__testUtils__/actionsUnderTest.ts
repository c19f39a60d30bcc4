import { mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AwsCliSettings } from '@aws-access/backstage-plugin-aws-access-common';
import { readAwsAccessConfig } from '../readAwsAccessConfig';
import { Organizations } from '../organizations/Organizations';
import { ReadAuthorizer } from '../permissions/ReadAuthorizer';
import { EntityReader } from '../resolution/CallerEntityCache';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { SubjectResolver } from '../resolution/SubjectResolver';
import { StaticSnapshotSource } from '../staticOrganization/StaticSnapshotSource';
import { buildStaticSnapshot } from '../staticOrganization/buildStaticSnapshot';
import { exampleAwsAccessConfig, exampleEntities } from './exampleOrg';

/** The example catalog, read without a catalog backend. */
const exampleCatalog: EntityReader = {
  async getEntityByRef(ref) {
    return exampleEntities.find(
      e =>
        `${e.kind.toLocaleLowerCase('en-US')}:${e.metadata.namespace}/${
          e.metadata.name
        }` === ref,
    );
  },
  async getEntitiesByRefs(refs) {
    const found = await Promise.all(
      refs.map(ref => exampleCatalog.getEntityByRef(ref, undefined as never)),
    );
    return found.flatMap(e => (e ? [e] : []));
  },
  async getGroups() {
    return exampleEntities.filter(e => e.kind === 'Group');
  },
};

/**
 * What the actions need, over the example organisation and catalog, and the actions
 * registry mock to register them on; `denied` makes the permission policy deny reads.
 */
export function actionsUnderTest(options: { denied?: boolean } = {}) {
  const config = readAwsAccessConfig(
    new ConfigReader({ awsAccess: exampleAwsAccessConfig }),
  );
  const organizations = new Organizations(
    config.organizations.map(({ settings, source }) => {
      if (source.type !== 'static') {
        throw new Error('The example organisations are static');
      }
      return {
        settings,
        source: new StaticSnapshotSource(
          buildStaticSnapshot(source.organization),
        ),
      };
    }),
  );
  const settings: AwsCliSettings = {
    organizations: organizations.settings,
    ...(config.requestAccess && { requestAccess: config.requestAccess }),
  };
  const readAuthorizer = new ReadAuthorizer(
    mockServices.permissions({
      result: options.denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    }),
  );
  const auth = mockServices.auth();
  const userInfo = mockServices.userInfo();
  const entities = exampleCatalog;
  const resolver = new EntityAccessResolver({
    entities,
    organizations,
    matching: config.groupMatching,
    logger: mockServices.logger.mock(),
  });
  const subjects = new SubjectResolver({
    auth,
    readAuthorizer,
    userInfo,
    entities,
    resolver,
  });
  return {
    registry: actionsRegistryServiceMock(),
    options: {
      auth,
      userInfo,
      readAuthorizer,
      entities,
      resolver,
      subjects,
      organizations,
      settings,
    },
  };
}
