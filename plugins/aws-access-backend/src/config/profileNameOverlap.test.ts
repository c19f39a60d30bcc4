import { sanitizeProfileName } from '@aws-access/backstage-plugin-aws-access-common';
import { sharedProfileName, unknownPlaceholder } from './profileNameOverlap';

const DEFAULT = '{org}-{accountName}-{roleName}';
const shared = (
  a: [template: string, org: string],
  b: [template: string, org: string],
) =>
  sharedProfileName(
    { template: a[0], org: a[1] },
    { template: b[0], org: b[1] },
  );

describe('sharedProfileName', () => {
  it.each<[string, [string, string], [string, string]]>([
    [
      'ids with different first letters',
      [DEFAULT, 'prod'],
      [DEFAULT, 'sandbox'],
    ],
    [
      'the organisation at the end',
      ['{accountName}-{roleName}.{org}', 'prod'],
      ['{accountName}-{roleName}.{org}', 'eu-prod'],
    ],
    [
      'a "_" after the id',
      ['{org}_{accountName}-{roleName}', 'prod'],
      ['{org}_{accountName}-{roleName}', 'prod-eu'],
    ],
    [
      'a "." after the id',
      ['{org}.{accountName}-{roleName}', 'prod'],
      ['{org}.{accountName}-{roleName}', 'prod-eu'],
    ],
    [
      'account ids only, after ids one of which extends the other',
      ['{org}-{accountId}', 'prod'],
      ['{org}-{accountId}', 'prod-1'],
    ],
    [
      'templates of their own',
      ['{org}-{accountName}', 'a'],
      ['b-{accountName}', 'b'],
    ],
  ])('finds none for %s', (_, a, b) => {
    expect(shared(a, b)).toBeUndefined();
  });

  it.each<[string, [string, string], [string, string], string]>([
    [
      'no {org} at all',
      ['{accountName}-{roleName}', 'a'],
      ['{accountName}-{roleName}', 'b'],
      'x-x',
    ],
    [
      'one id followed by "-" starting the other',
      [DEFAULT, 'prod'],
      [DEFAULT, 'prod-eu'],
      'prod-eu-x-x',
    ],
    [
      'ids that differ only in case of the literal',
      ['P-{accountName}', 'a'],
      ['p-{accountName}', 'b'],
      'p-x',
    ],
    [
      'free text before {org}',
      ['{environment}-{org}-{roleName}', 'prod'],
      ['{environment}-{org}-{roleName}', 'dev'],
      'x-prod-dev-x',
    ],
    // "prod" plus an empty environment: the two '-' collapse into one.
    [
      'an empty placeholder between two "-"',
      ['{org}-{environment}-x', 'prod'],
      ['prod-x', 'other'],
      'prod-x',
    ],
    // A role made only of "+=" leaves a trailing "-", which is trimmed.
    [
      'a name cleaned down to the id',
      ['{org}-{roleName}', 'prod'],
      ['prod', 'x'],
      'prod',
    ],
    [
      'characters the clean-up replaces',
      ['{org} ({accountName})', 'a'],
      ['a-{roleName}', 'b'],
      'a-x',
    ],
  ])('finds one for %s', (_, a, b, name) => {
    expect(shared(a, b)).toBe(name);
    expect(shared(b, a)).toEqual(expect.any(String));
    expect(sanitizeProfileName(name)).toBe(name);
  });

  it('finds the fallback name when both can clean up to nothing', () => {
    expect(shared(['{environment}', 'a'], ['--', 'b'])).toBe('profile');
    expect(shared(['(+)', 'a'], ['--', 'b'])).toBe('profile');
  });
});

describe('unknownPlaceholder', () => {
  it('names the first placeholder the planner does not fill', () => {
    expect(
      unknownPlaceholder('{org}-{accountName}-{roleName}'),
    ).toBeUndefined();
    expect(unknownPlaceholder('{accountName}-{role}-{x}')).toBe('{role}');
    expect(unknownPlaceholder('{}')).toBe('{}');
  });
});
