import {
  AuthService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AWS_ACCESS_ENTITY_KINDS,
  SIGNED_IN_USER,
  isAwsAccessEntityKind,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityReader } from './CallerEntityCache';
import { EntityAccessResolver, Resolution } from './EntityAccessResolver';
import { callerOwnership } from './callerOwnership';

/** What a request or an action is about: a catalog entity, or the signed-in caller. */
export type Subject = typeof SIGNED_IN_USER | CompoundEntityRef;

/** A subject resolved to the AWS accounts and roles it has. */
export interface ResolvedSubject {
  /** The entity's ref; for the caller, their User entity ref. */
  entityRef: string;
  resolution: Resolution;
}

/** Anything that throws NotAllowedError when a caller may not read AWS access. */
export interface ReadCheck {
  authorize(credentials: BackstageCredentials): Promise<void>;
}

/**
 * The one way routes and actions turn a subject into accounts and roles: the read
 * permission first, then the kind, namespace and name checks, the catalog read as the
 * caller, and for `me` the caller's ownership (their sign-in's references and the teams
 * the catalog lists them in).
 */
export class SubjectResolver {
  constructor(
    private readonly deps: {
      auth: Pick<AuthService, 'isPrincipal'>;
      readAuthorizer: ReadCheck;
      userInfo: UserInfoService;
      entities: EntityReader;
      resolver: EntityAccessResolver;
    },
  ) {}

  /**
   * Reads an entity ref typed by a person or an assistant (`group:default/payments`,
   * `group:payments`) or `me`. Throws InputError naming what is wrong.
   */
  static parse(text: string): Subject {
    if (text === SIGNED_IN_USER) {
      return SIGNED_IN_USER;
    }
    try {
      return parseEntityRef(text);
    } catch {
      throw new InputError(`Malformed entity ref '${text}'`);
    }
  }

  /** The entity a subject names, once the caller may read AWS access and the entity. */
  async entity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    await this.deps.readAuthorizer.authorize(credentials);
    const entityRef = checkedRef(ref);
    const entity = await this.deps.entities.getEntityByRef(
      entityRef,
      credentials,
    );
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return entity;
  }

  /** The accounts and roles of a subject, as the caller may see them. */
  async resolve(
    subject: Subject,
    credentials: BackstageCredentials,
  ): Promise<ResolvedSubject> {
    if (subject !== SIGNED_IN_USER) {
      const entity = await this.entity(subject, credentials);
      return {
        entityRef: stringifyEntityRef(entity),
        resolution: await this.deps.resolver.resolve(entity, credentials),
      };
    }
    await this.deps.readAuthorizer.authorize(credentials);
    if (!this.deps.auth.isPrincipal(credentials, 'user')) {
      throw new InputError(`'${SIGNED_IN_USER}' needs a signed-in user`);
    }
    const { userEntityRef, ownershipEntityRefs } = await callerOwnership(
      this.deps,
      credentials,
    );
    return {
      entityRef: userEntityRef,
      resolution: await this.deps.resolver.resolveOwnership(
        userEntityRef,
        ownershipEntityRefs,
        credentials,
      ),
    };
  }
}

/** The ref of a subject whose kind the plugin serves and whose parts are well formed. */
function checkedRef({ kind, namespace, name }: CompoundEntityRef): string {
  const ref = `${kind}:${namespace}/${name}`;
  if (!isAwsAccessEntityKind(kind)) {
    throw new InputError(
      `Kind '${kind}' is not supported; use one of ${AWS_ACCESS_ENTITY_KINDS.join(
        ', ',
      )}`,
    );
  }
  if (!KubernetesValidatorFunctions.isValidNamespace(namespace)) {
    throw new InputError(`Malformed namespace '${namespace}' in '${ref}'`);
  }
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    throw new InputError(`Malformed entity name '${name}' in '${ref}'`);
  }
  return stringifyEntityRef({ kind, namespace, name });
}
