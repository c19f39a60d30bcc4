import { AWS_ACCESS_ENTITY_KINDS, isAwsAccessEntityKind } from './entityKinds';

describe('entity kinds', () => {
  it('accepts the supported kinds in any case and nothing else', () => {
    expect(AWS_ACCESS_ENTITY_KINDS).toEqual([
      'group',
      'user',
      'component',
      'system',
      'resource',
      'api',
    ]);
    expect(isAwsAccessEntityKind('Component')).toBe(true);
    expect(isAwsAccessEntityKind('API')).toBe(true);
    expect(isAwsAccessEntityKind('Location')).toBe(false);
    expect(isAwsAccessEntityKind('Template')).toBe(false);
  });
});
