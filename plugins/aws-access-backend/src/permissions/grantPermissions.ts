import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AWS_ACCESS_GRANT_RESOURCE_TYPE,
  awsAccessGrantApprovePermission,
  awsAccessGrantAuditPermission,
} from '@aws-access/backstage-plugin-aws-access-common';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCondition,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionExports,
  createPermissionResourceRef,
  PermissionRule,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';

/** What the grant rules see of a grant. */
export interface GrantResource {
  approverRefs: string[];
  requesterRef: string;
}

/** What the grant rules filter lists by. */
export interface GrantResourceQuery {
  approverRefsAny: string[];
}

/** The grant resource type of the AWS Access plugin. */
export const awsAccessGrantResourceRef = createPermissionResourceRef<
  GrantResource,
  GrantResourceQuery
>().with({
  pluginId: 'aws-access',
  resourceType: AWS_ACCESS_GRANT_RESOURCE_TYPE,
});

// A type, not an interface: rule params must fit a JSON record.
type ApproverParams = {
  claims: string[];
};

const APPROVER_PARAMS_JSON_SCHEMA = {
  type: 'object',
  properties: {
    claims: {
      type: 'array',
      items: { type: 'string' },
      description:
        "The caller's ownership claims, e.g. user.identity.ownershipEntityRefs",
    },
  },
  required: ['claims'],
  additionalProperties: false,
};

const isApproverParams = (value: unknown): value is ApproverParams =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as ApproverParams).claims) &&
  (value as ApproverParams).claims.every(c => typeof c === 'string');

/** The rule's parameters as a Standard Schema with its JSON Schema, which the permission system asks for. */
const approverParamsSchema = {
  '~standard': {
    version: 1 as const,
    vendor: 'aws-access',
    validate: (value: unknown) =>
      isApproverParams(value)
        ? { value }
        : { issues: [{ message: 'must be { claims: string[] }' }] },
    jsonSchema: {
      input: () => APPROVER_PARAMS_JSON_SCHEMA,
      output: () => APPROVER_PARAMS_JSON_SCHEMA,
    },
  },
};

const isApprover: PermissionRule<
  GrantResource,
  GrantResourceQuery,
  typeof AWS_ACCESS_GRANT_RESOURCE_TYPE,
  ApproverParams
> = {
  name: 'IS_APPROVER',
  description:
    'Allow a caller whose ownership claims include one of the groups that approve the request',
  resourceType: AWS_ACCESS_GRANT_RESOURCE_TYPE,
  paramsSchema: approverParamsSchema,
  apply: (grant, { claims }) =>
    grant.approverRefs.some(ref => claims.includes(ref)),
  toQuery: ({ claims }) => ({ approverRefsAny: claims }),
};

/** The rules of the grant resource type. */
export const grantPermissionRules: { isApprover: typeof isApprover } = {
  isApprover,
};

const exported = createConditionExports({
  resourceRef: awsAccessGrantResourceRef,
  rules: grantPermissionRules,
});

/**
 * Conditions for `aws-access.grant.approve` in a permission policy, e.g.
 * `awsAccessGrantConditions.isApprover({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const awsAccessGrantConditions: {
  /** The caller's claims include one of the groups that approve the request. */
  isApprover(params: {
    claims: string[];
  }): PermissionCondition<
    typeof AWS_ACCESS_GRANT_RESOURCE_TYPE,
    { claims: string[] }
  >;
} = exported.conditions;

/**
 * Wraps grant conditions into a conditional decision for a permission policy.
 *
 * @public
 */
export const createAwsAccessGrantConditionalDecision =
  exported.createConditionalDecision;

/**
 * Asks the permission policy whether a caller may decide on a grant (conditions applied
 * to the grant) and whether they may read every grant.
 */
export class GrantAuthorizer {
  private readonly conditionsHold: (
    decision: PolicyDecision,
    grant: GrantResource,
  ) => boolean;

  constructor(
    private readonly permissions: PermissionsService,
    ruleset: PermissionRuleset<GrantResource>,
  ) {
    this.conditionsHold = createConditionAuthorizer(ruleset);
  }

  /** Throws NotAllowedError unless the policy lets the caller approve or deny this grant. */
  async authorizeDecision(
    credentials: BackstageCredentials,
    grant: GrantResource,
  ): Promise<void> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: awsAccessGrantApprovePermission }],
      { credentials },
    );
    const allowed =
      decision.result === AuthorizeResult.ALLOW ||
      (decision.result === AuthorizeResult.CONDITIONAL &&
        this.conditionsHold(decision, grant));
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to decide on temporary access requests (permission '${awsAccessGrantApprovePermission.name}')`,
      );
    }
  }

  /** Throws NotAllowedError unless the policy lets the caller read every grant. */
  async authorizeAudit(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: awsAccessGrantAuditPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to read every temporary access grant (permission '${awsAccessGrantAuditPermission.name}')`,
      );
    }
  }
}
