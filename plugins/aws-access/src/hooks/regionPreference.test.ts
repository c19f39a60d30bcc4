import {
  defaultOrganization,
  productionOrganization,
  sandboxOrganization,
} from '../__testUtils__/fixtures';
import {
  effectiveRegion,
  regionChoices,
  withPreferredRegion,
} from './regionPreference';

const both = [productionOrganization, sandboxOrganization];

describe('the region preference', () => {
  it('with one organisation, is one of its regions, its default unless chosen', () => {
    const one = [defaultOrganization];
    expect(effectiveRegion(undefined, one)).toBe('eu-north-1');
    expect(effectiveRegion('eu-west-1', one)).toBe('eu-west-1');
    expect(effectiveRegion('us-gov-west-1', one)).toBe('eu-north-1');
  });

  it('with several, is chosen from every region and empty for "each default"', () => {
    expect(regionChoices(both)).toEqual([
      'eu-north-1',
      'eu-west-1',
      'us-gov-west-1',
      'us-gov-east-1',
    ]);
    expect(effectiveRegion(undefined, both)).toBe('');
    expect(effectiveRegion('us-gov-east-1', both)).toBe('us-gov-east-1');
    expect(effectiveRegion('ap-south-1', both)).toBe('');
  });

  it('applies only to the organisations that offer the region', () => {
    const defaults = (region: string) =>
      withPreferredRegion(both, region).map(o => o.profiles.defaultRegion);
    expect(defaults('eu-west-1')).toEqual(['eu-west-1', 'us-gov-west-1']);
    expect(defaults('us-gov-east-1')).toEqual(['eu-north-1', 'us-gov-east-1']);
    expect(defaults('')).toEqual(['eu-north-1', 'us-gov-west-1']);
  });
});
