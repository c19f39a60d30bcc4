import {
  paginateListAccountAssignments,
  paginateListAccountAssignmentsForPrincipal,
  paginateListAccountsForProvisionedPermissionSet,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mapWithConcurrency } from './mapWithConcurrency';

/** An assignment as sso-admin returns it: the permission set by ARN. */
export interface RawAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: 'GROUP' | 'USER';
  principalId: string;
}

export interface AssignmentPrincipal {
  id: string;
  type: 'GROUP' | 'USER';
}

/** What both ways of listing assignments read from. */
export interface AssignmentSource {
  ssoAdmin: SSOAdminClient;
  instanceArn: string;
  /** Listings in flight at once. */
  concurrency: number;
}

/**
 * One `ListAccountAssignmentsForPrincipal` listing per principal: the fewest calls, but a
 * management-account call only.
 */
export async function listAssignmentsPerPrincipal(
  source: AssignmentSource,
  principals: readonly AssignmentPrincipal[],
): Promise<RawAssignment[]> {
  if (principals.length === 0) {
    return [];
  }
  // The first principal alone tells whether the call is allowed, before the rest are sent.
  const first = await assignmentsOf(source, principals[0]);
  const rest = await mapWithConcurrency(
    principals.slice(1),
    source.concurrency,
    p => assignmentsOf(source, p),
  );
  return [first, ...rest].flat();
}

/**
 * `ListAccountsForProvisionedPermissionSet`, then `ListAccountAssignments` per account and
 * permission set: every principal's assignments, and allowed to a delegated administrator,
 * at many more calls.
 */
export async function listAssignmentsPerAccount(
  source: AssignmentSource,
  permissionSetArns: readonly string[],
): Promise<RawAssignment[]> {
  const { ssoAdmin, instanceArn, concurrency } = source;
  const pairs = (
    await mapWithConcurrency(permissionSetArns, concurrency, async arn => {
      const accountIds: string[] = [];
      for await (const page of paginateListAccountsForProvisionedPermissionSet(
        { client: ssoAdmin, pageSize: 100 },
        { InstanceArn: instanceArn, PermissionSetArn: arn },
      )) {
        accountIds.push(...(page.AccountIds ?? []));
      }
      return accountIds.map(accountId => ({ accountId, arn }));
    })
  ).flat();
  const perPair = await mapWithConcurrency(
    pairs,
    concurrency,
    async ({ accountId, arn }) => {
      const result: RawAssignment[] = [];
      for await (const page of paginateListAccountAssignments(
        { client: ssoAdmin, pageSize: 100 },
        {
          InstanceArn: instanceArn,
          AccountId: accountId,
          PermissionSetArn: arn,
        },
      )) {
        result.push(...toRaw(page.AccountAssignments));
      }
      return result;
    },
  );
  return perPair.flat();
}

async function assignmentsOf(
  { ssoAdmin, instanceArn }: AssignmentSource,
  principal: AssignmentPrincipal,
): Promise<RawAssignment[]> {
  const result: RawAssignment[] = [];
  for await (const page of paginateListAccountAssignmentsForPrincipal(
    { client: ssoAdmin, pageSize: 100 },
    {
      InstanceArn: instanceArn,
      PrincipalId: principal.id,
      PrincipalType: principal.type,
    },
  )) {
    result.push(...toRaw(page.AccountAssignments));
  }
  return result;
}

function toRaw(
  items:
    | Array<{
        AccountId?: string;
        PermissionSetArn?: string;
        PrincipalType?: string;
        PrincipalId?: string;
      }>
    | undefined,
): RawAssignment[] {
  return (items ?? [])
    .filter(a => a.AccountId && a.PermissionSetArn && a.PrincipalId)
    .map(a => ({
      accountId: a.AccountId!,
      permissionSetArn: a.PermissionSetArn!,
      principalType: a.PrincipalType === 'USER' ? 'USER' : 'GROUP',
      principalId: a.PrincipalId!,
    }));
}
