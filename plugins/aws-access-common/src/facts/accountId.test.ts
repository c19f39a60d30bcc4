import { accountIdInText, isAwsAccountId } from './accountId';

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

describe('accountIdInText', () => {
  it.each([
    ['605112784586', '605112784586'],
    [' 605112784586 ', '605112784586'],
    ['arn:aws:iam::605112784586:role/deploy', '605112784586'],
    ['arn:aws:sts::605112784586:assumed-role/R/ada', '605112784586'],
    ['AccessDenied in account 605112784586.', '605112784586'],
    ['arn:aws:iam::605112784586:role/x in 605112784586', '605112784586'],
  ])('finds the id in %j', (text, id) => {
    expect(accountIdInText(text)).toBe(id);
  });

  it.each([
    ['payments'],
    ['60511278458'],
    ['6051127845861'],
    ['605112784586 and 605112784419'],
    [''],
  ])('finds none in %j', text => {
    expect(accountIdInText(text)).toBeUndefined();
  });
});
