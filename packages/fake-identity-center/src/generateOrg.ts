import { FakeOrg } from './model';

/** A small deterministic pseudo-random generator, so every run builds the same org. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OrgShape {
  accounts: number;
  permissionSets: number;
  groups: number;
  /** Total group assignments, spread unevenly: a few large groups need several pages. */
  assignments: number;
  seed?: number;
}

const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-fake000000000000';

/** Builds a synthetic organisation of the given size. */
export function generateOrg(shape: OrgShape): FakeOrg {
  const random = mulberry32(shape.seed ?? 42);
  const pick = (n: number) => Math.floor(random() * n);
  const envs = ['dev', 'test', 'prod'];

  const accounts = Array.from({ length: shape.accounts }, (_, i) => ({
    id: String(100000000000 + i * 7919),
    name: `team${Math.floor(i / 3)}-${envs[i % 3]}`,
    email: `aws+${i}@example.org`,
  }));
  const permissionSets = Array.from(
    { length: shape.permissionSets },
    (_, i) => ({
      arn: `${INSTANCE_ARN.replace('instance', 'permissionSet')}/ps-${i
        .toString(16)
        .padStart(16, '0')}`,
      name: `Role${i}`,
      description: `Synthetic permission set ${i}`,
      sessionDuration: i % 2 ? 'PT8H' : 'PT1H',
    }),
  );
  const groups = Array.from({ length: shape.groups }, (_, i) => ({
    id: `9067a4b2c1-${i.toString(16).padStart(8, '0')}`,
    displayName: `group-${i}`,
    externalIds: [
      { issuer: 'https://login.microsoftonline.com', id: `entra-${i}` },
    ],
  }));

  // Every fiftieth group is large (a quarter of all assignments); the rest share what is left.
  const large = groups.filter((_, i) => i % 50 === 0);
  const perLarge = Math.min(
    250,
    Math.floor(shape.assignments / 4 / Math.max(1, large.length)),
  );
  const assignments: FakeOrg['assignments'] = [];
  const seen = new Set<string>();
  const add = (groupId: string) => {
    for (let tries = 0; tries < 50; tries++) {
      const accountId = accounts[pick(accounts.length)].id;
      const permissionSetArn = permissionSets[pick(permissionSets.length)].arn;
      const key = `${groupId}|${accountId}|${permissionSetArn}`;
      if (!seen.has(key)) {
        seen.add(key);
        assignments.push({
          accountId,
          permissionSetArn,
          principalType: 'GROUP',
          principalId: groupId,
        });
        return;
      }
    }
  };
  large.forEach(g => Array.from({ length: perLarge }).forEach(() => add(g.id)));
  const rest = groups.filter((_, i) => i % 50 !== 0);
  while (assignments.length < shape.assignments && rest.length > 0) {
    add(rest[pick(rest.length)].id);
  }

  return {
    instanceArn: INSTANCE_ARN,
    identityStoreId: 'd-0000fa4e00',
    accounts,
    permissionSets,
    groups,
    assignments,
  };
}
