import { isAwsAccountId } from './accountId';

describe('isAwsAccountId', () => {
  it.each([
    ['012345678901', true],
    ['12345678901', false],
    ['1234567890123', false],
    ['01234567890a', false],
    [' 012345678901', false],
  ])('%j -> %s', (value, expected) => {
    expect(isAwsAccountId(value)).toBe(expected);
  });
});
