import { AWS_ACCESS_ENTITY_KINDS, isAwsAccessEntityKind } from './entityKinds';

describe('isAwsAccessEntityKind', () => {
  it.each(['Group', 'User', 'Component', 'System', 'Resource', 'API'])(
    'accepts %s in any case',
    kind => {
      expect(isAwsAccessEntityKind(kind)).toBe(true);
      expect(isAwsAccessEntityKind(kind.toUpperCase())).toBe(true);
    },
  );

  it.each(['Location', 'Template', 'Domain', ''])('refuses %j', kind => {
    expect(isAwsAccessEntityKind(kind)).toBe(false);
  });

  it('lists exactly the kinds it accepts, in lower case', () => {
    expect(AWS_ACCESS_ENTITY_KINDS.every(isAwsAccessEntityKind)).toBe(true);
    expect(AWS_ACCESS_ENTITY_KINDS).toHaveLength(6);
  });
});
