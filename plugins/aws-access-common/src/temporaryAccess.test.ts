import {
  TemporaryAccessRule,
  TemporaryAccessSettings,
  temporaryAccessRuleFor,
} from './temporaryAccess';

const rule = (
  covers: Pick<TemporaryAccessRule, 'permissionSet' | 'pattern'>,
  maxDurationMinutes = 60,
): TemporaryAccessRule => ({
  ...covers,
  maxDurationMinutes,
  selfService: false,
});

const settings = (
  ...rules: TemporaryAccessRule[]
): TemporaryAccessSettings => ({
  rules,
  requireReason: true,
  approvers: 'team',
});

describe('temporaryAccessRuleFor', () => {
  it('covers nothing when the policy is off', () => {
    expect(temporaryAccessRuleFor(undefined, 'ReadOnlyAccess')).toBeUndefined();
  });

  it('covers only what the rules name', () => {
    const policy = settings(rule({ permissionSet: 'ReadOnlyAccess' }));
    expect(temporaryAccessRuleFor(policy, 'ReadOnlyAccess')).toBe(
      policy.rules[0],
    );
    expect(
      temporaryAccessRuleFor(policy, 'AdministratorAccess'),
    ).toBeUndefined();
    // Names are exact: no case folding, no prefixes.
    expect(temporaryAccessRuleFor(policy, 'readonlyaccess')).toBeUndefined();
    expect(temporaryAccessRuleFor(policy, 'ReadOnly')).toBeUndefined();
  });

  it('takes a rule naming the permission set before an earlier pattern', () => {
    const policy = settings(
      rule({ pattern: 'Read.*' }, 120),
      rule({ permissionSet: 'ReadOnlyAccess' }, 480),
    );
    expect(temporaryAccessRuleFor(policy, 'ReadOnlyAccess')).toBe(
      policy.rules[1],
    );
    expect(temporaryAccessRuleFor(policy, 'ReadBilling')).toBe(policy.rules[0]);
  });

  it('takes the first matching pattern', () => {
    const policy = settings(
      rule({ pattern: 'PowerUser.*' }, 30),
      rule({ pattern: '.*Access' }, 60),
    );
    expect(temporaryAccessRuleFor(policy, 'PowerUserAccess')).toBe(
      policy.rules[0],
    );
    expect(temporaryAccessRuleFor(policy, 'ViewOnlyAccess')).toBe(
      policy.rules[1],
    );
  });

  it('anchors a pattern at both ends', () => {
    const exact = settings(rule({ pattern: 'Read' }));
    expect(temporaryAccessRuleFor(exact, 'Read')).toBeDefined();
    expect(temporaryAccessRuleFor(exact, 'ReadOnlyAccess')).toBeUndefined();
    expect(temporaryAccessRuleFor(exact, 'AllowRead')).toBeUndefined();
    expect(
      temporaryAccessRuleFor(
        settings(rule({ pattern: 'Read.*' })),
        'ReadOnlyAccess',
      ),
    ).toBeDefined();
  });

  it('keeps alternatives inside the anchors', () => {
    const policy = settings(rule({ pattern: 'ViewOnly|ReadOnly' }));
    expect(temporaryAccessRuleFor(policy, 'ReadOnly')).toBeDefined();
    expect(temporaryAccessRuleFor(policy, 'ViewOnlyAdmin')).toBeUndefined();
    expect(temporaryAccessRuleFor(policy, 'AdminReadOnly')).toBeUndefined();
  });

  it('accepts a pattern written with its own anchors', () => {
    const policy = settings(rule({ pattern: '^Read.*$' }));
    expect(temporaryAccessRuleFor(policy, 'ReadOnlyAccess')).toBeDefined();
    expect(temporaryAccessRuleFor(policy, 'AllowRead')).toBeUndefined();
  });
});
