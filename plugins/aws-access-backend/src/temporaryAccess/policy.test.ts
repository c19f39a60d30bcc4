import { readTemporaryAccessPolicy } from './policy';

type Item = Record<string, any>;

const PATH = ['organizations', 2];
const KEY = 'awsAccess.organizations[2].temporaryAccess';

/** Reads the policy of an organisation whose `temporaryAccess` is `block`. */
const read = (block: unknown) =>
  readTemporaryAccessPolicy({ id: 'prod', temporaryAccess: block }, PATH);

/** A valid block after `mutate` changed a copy of it. */
function policy(mutate: (c: Item) => void = () => {}) {
  const block: Item = {
    permissionSets: [
      { name: 'ReadOnlyAccess', maxDuration: { hours: 8 }, selfService: true },
      { pattern: 'PowerUser.*', maxDuration: { hours: 2 } },
    ],
    requireReason: true,
    approvers: 'team',
  };
  mutate(block);
  return () => read(block);
}

describe('readTemporaryAccessPolicy', () => {
  it('is off when the block is absent', () => {
    expect(readTemporaryAccessPolicy({ id: 'prod' }, PATH)).toBeUndefined();
    expect(readTemporaryAccessPolicy({}, [])).toBeUndefined();
  });

  it('reads the rules, reason and approvers', () => {
    expect(policy()()).toEqual({
      rules: [
        {
          permissionSet: 'ReadOnlyAccess',
          maxDurationMinutes: 480,
          selfService: true,
        },
        { pattern: 'PowerUser.*', maxDurationMinutes: 120, selfService: false },
      ],
      requireReason: true,
      approvers: 'team',
    });
  });

  it('defaults to one hour, approval by the team and a required reason', () => {
    expect(read({ permissionSets: [{ name: 'ReadOnlyAccess' }] })).toEqual({
      rules: [
        {
          permissionSet: 'ReadOnlyAccess',
          maxDurationMinutes: 60,
          selfService: false,
        },
      ],
      requireReason: true,
      approvers: 'team',
    });
  });

  it.each<[unknown, number]>([
    [{ hours: 24 }, 1440],
    [{ hours: 1, minutes: 30 }, 90],
    [{ seconds: 120 }, 2],
    ['PT8H', 480],
    ['P1D', 1440],
    ['PT45M', 45],
    ['8h', 480],
    ['90 minutes', 90],
  ])('reads the duration %j as %i minutes', (maxDuration, minutes) => {
    const [rule] = read({
      permissionSets: [{ name: 'ReadOnlyAccess', maxDuration }],
    })!.rules;
    expect(rule.maxDurationMinutes).toBe(minutes);
  });

  it('keeps a Group approver as a full lower-case ref', () => {
    const approversOf = (approvers: string) =>
      policy(c => (c.approvers = approvers))()!.approvers;
    expect(approversOf('group:default/aws-admins')).toBe(
      'group:default/aws-admins',
    );
    expect(approversOf('Group:Platform/AWS-Admins')).toBe(
      'group:platform/aws-admins',
    );
    expect(approversOf('aws-admins')).toBe('group:default/aws-admins');
  });

  it('takes no reason when told so, and an explicit catch-all pattern', () => {
    expect(
      policy(c => {
        c.requireReason = false;
        c.permissionSets = [{ pattern: '.*' }];
      })(),
    ).toMatchObject({
      rules: [{ pattern: '.*', maxDurationMinutes: 60 }],
      requireReason: false,
    });
  });

  it.each<[string, (c: Item) => void, string, string]>([
    [
      'a missing permission set list',
      c => delete c.permissionSets,
      'permissionSets',
      'is required: list the permission sets that may be requested',
    ],
    [
      'an empty permission set list',
      c => (c.permissionSets = []),
      'permissionSets',
      'must list at least one permission set',
    ],
    [
      'a permission set list that is not a list',
      c => (c.permissionSets = 'ReadOnlyAccess'),
      'permissionSets',
      'must be a list of rules',
    ],
    [
      'a rule with both a name and a pattern',
      c => (c.permissionSets[1].name = 'PowerUserAccess'),
      'permissionSets[1]',
      "needs exactly one of 'name'",
    ],
    [
      'a rule with neither a name nor a pattern',
      c => delete c.permissionSets[1].pattern,
      'permissionSets[1]',
      "needs exactly one of 'name'",
    ],
    [
      'a rule that is not an object',
      c => (c.permissionSets[0] = 'ReadOnlyAccess'),
      'permissionSets[0]',
      'must be a rule',
    ],
    [
      'a name AWS would not take',
      c => (c.permissionSets[0].name = 'Read Only'),
      'permissionSets[0].name',
      'must be a permission set name',
    ],
    [
      'a name with a rule already',
      c => c.permissionSets.push({ name: 'ReadOnlyAccess' }),
      'permissionSets[2].name',
      "'ReadOnlyAccess' has a rule already",
    ],
    [
      'an invalid regular expression',
      c => (c.permissionSets[1].pattern = 'PowerUser(.*'),
      'permissionSets[1].pattern',
      'must be a regular expression',
    ],
    [
      'a pattern that would break out of its anchors',
      c => (c.permissionSets[1].pattern = 'PowerUser)|(.*'),
      'permissionSets[1].pattern',
      'must be a regular expression',
    ],
    [
      'a pattern only valid without the u flag',
      c => (c.permissionSets[1].pattern = '\\-Admin'),
      'permissionSets[1].pattern',
      'must be a regular expression',
    ],
    [
      'a duration over 24 hours',
      c => (c.permissionSets[0].maxDuration = { hours: 25 }),
      'permissionSets[0].maxDuration',
      'must be at most 24 hours',
    ],
    [
      'an ISO duration over 24 hours',
      c => (c.permissionSets[0].maxDuration = 'P1DT1M'),
      'permissionSets[0].maxDuration',
      'must be at most 24 hours',
    ],
    [
      'a duration of 0 minutes',
      c => (c.permissionSets[0].maxDuration = { minutes: 0 }),
      'permissionSets[0].maxDuration',
      'must be at least 1 minute',
    ],
    [
      'a negative duration',
      c => (c.permissionSets[0].maxDuration = { hours: -1 }),
      'permissionSets[0].maxDuration',
      'must be at least 1 minute',
    ],
    [
      'a duration that is not whole minutes',
      c => (c.permissionSets[0].maxDuration = { seconds: 90 }),
      'permissionSets[0].maxDuration',
      'must be a whole number of minutes',
    ],
    [
      'a duration with an unknown unit',
      c => (c.permissionSets[0].maxDuration = { hour: 8 }),
      'permissionSets[0].maxDuration',
      'must be a duration',
    ],
    [
      'a duration without a unit',
      c => (c.permissionSets[0].maxDuration = 8),
      'permissionSets[0].maxDuration',
      'must be a duration',
    ],
    [
      'a duration text that is none',
      c => (c.permissionSets[0].maxDuration = 'eight hours'),
      'permissionSets[0].maxDuration',
      'must be a duration',
    ],
    [
      'a selfService that is not a boolean',
      c => (c.permissionSets[0].selfService = 'yes'),
      'permissionSets[0].selfService',
      'must be true or false',
    ],
    [
      'a requireReason that is not a boolean',
      c => (c.requireReason = 'no'),
      'requireReason',
      'must be true or false',
    ],
    [
      'approvers that are a User',
      c => (c.approvers = 'user:default/ada'),
      'approvers',
      "must be 'team' or a catalog Group ref",
    ],
    [
      'approvers that are no ref',
      c => (c.approvers = 'group:default/'),
      'approvers',
      "must be 'team' or a catalog Group ref",
    ],
    [
      'approvers that are a list',
      c => (c.approvers = ['group:default/aws-admins']),
      'approvers',
      "must be 'team' or a catalog Group ref",
    ],
  ])('stops on %s, naming the key', (_, mutate, key, problem) => {
    const reading = policy(mutate);
    expect(reading).toThrow(`Invalid configuration at '${KEY}.${key}': `);
    expect(reading).toThrow(problem);
  });

  it('names the block when it is not an object', () => {
    expect(() => read(true)).toThrow(
      `Invalid configuration at '${KEY}': must be an object with 'permissionSets'`,
    );
  });
});
