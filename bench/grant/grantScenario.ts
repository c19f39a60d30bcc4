/*
 * Who asks for what in the grant benchmark: N catalog users, each in no team, ask for a
 * different role that one team's Identity Center group holds; one member of that team
 * approves them all. Pure: builds the catalog entities and identity-store users from the
 * organisation.
 */
import { FakeOrg } from '@aws-access/fake-identity-center';
import { groupEntities } from '../benchmarkOrg';

/** One request of the benchmark: who asks for which role in which account. */
export interface GrantCase {
  /** The catalog user's name, e.g. `bench-requester-3`. */
  requester: string;
  email: string;
  /** Their identity-store user id in the fake. */
  userId: string;
  accountId: string;
  permissionSetArn: string;
  /** The permission set's name: the role asked for. */
  role: string;
}

/** The team whose group holds the roles asked for, and its approving member. */
export const APPROVING_GROUP_INDEX = 0;
export const APPROVER = 'bench-approver';

/**
 * `count` requests for distinct roles the approving team's group holds, one requester
 * each. Group 0 of the generated organisation is one of its large groups, so it holds
 * enough roles.
 */
export function grantCases(org: FakeOrg, count: number): GrantCase[] {
  const group = org.groups[APPROVING_GROUP_INDEX];
  const held = org.assignments.filter(
    a => a.principalType === 'GROUP' && a.principalId === group.id,
  );
  if (held.length < count) {
    throw new Error(
      `${group.displayName} holds ${held.length} roles; ${count} requests need as many`,
    );
  }
  return held.slice(0, count).map((a, i) => {
    const requester = `bench-requester-${i}`;
    return {
      requester,
      email: `${requester}@example.org`,
      userId: `u-bench-${String(i).padStart(6, '0')}`,
      accountId: a.accountId,
      permissionSetArn: a.permissionSetArn,
      role: org.permissionSets.find(p => p.arn === a.permissionSetArn)!.name,
    };
  });
}

/** The permission sets the policy must list: those asked for. */
export function requestedRoles(cases: GrantCase[]): string[] {
  return [...new Set(cases.map(c => c.role))].sort();
}

/** The identity-store users of the requesters, as the fake holds them. */
export function identityStoreUsers(
  cases: GrantCase[],
): NonNullable<FakeOrg['users']> {
  return cases.map(c => ({
    id: c.userId,
    userName: c.email,
    emails: [c.email],
  }));
}

const userEntity = (name: string, email: string, memberOf: string[]) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: User',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  profile: { email: ${email} }`,
    `  memberOf: [${memberOf.join(', ')}]`,
  ].join('\n');

/**
 * The catalog: a Group for each of the organisation's groups (matched by name), the
 * approver as a member of the approving team, and the requesters in no team.
 */
export function catalogEntities(org: FakeOrg, cases: GrantCase[]): string {
  const documents = [
    ...groupEntities(org.groups.length),
    userEntity(APPROVER, `${APPROVER}@example.org`, [
      org.groups[APPROVING_GROUP_INDEX].displayName,
    ]),
    ...cases.map(c => userEntity(c.requester, c.email, [])),
  ];
  return `${documents.join('\n---\n')}\n`;
}
