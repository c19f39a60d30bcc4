import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';
import { ANNOTATION_IDENTITY_CENTER_USER } from '@aws-access/backstage-plugin-aws-access-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogUserQuery } from './IdentityCenterReader';

/** How to look up a catalog User in the identity store: annotation, email, then name. */
export function userQuery(user: UserEntity): CatalogUserQuery {
  const annotated =
    user.metadata.annotations?.[ANNOTATION_IDENTITY_CENTER_USER]?.trim();
  const email = user.spec?.profile?.email?.trim();
  const userNames = [annotated, email, user.metadata.name].filter(
    (v, i, all): v is string => Boolean(v) && all.indexOf(v) === i,
  );
  return {
    ref: stringifyEntityRef(user),
    userNames,
    emails: email ? [email] : [],
  };
}

/** The catalog's Users, read with the plugin's own credentials at sync time. */
export function catalogUserQueries(catalog: CatalogService, auth: AuthService) {
  return async (): Promise<CatalogUserQuery[]> => {
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'user' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.profile.email',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return (items as UserEntity[]).map(userQuery);
  };
}
