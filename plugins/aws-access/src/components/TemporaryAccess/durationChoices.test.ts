import { defaultDuration, durationChoices } from './durationChoices';

describe('durationChoices', () => {
  it('offers the presets up to the maximum, and the maximum', () => {
    expect(durationChoices(1440)).toEqual([15, 60, 240, 480, 1440]);
    expect(durationChoices(480)).toEqual([15, 60, 240, 480]);
    expect(durationChoices(90)).toEqual([15, 60, 90]);
    expect(durationChoices(60)).toEqual([15, 60]);
  });

  it('offers only the maximum when it is shorter than every preset', () => {
    expect(durationChoices(10)).toEqual([10]);
    expect(durationChoices(0)).toEqual([1]);
  });

  it('selects an hour, or the longest choice below it', () => {
    expect(defaultDuration(durationChoices(1440))).toBe(60);
    expect(defaultDuration(durationChoices(30))).toBe(30);
    expect(defaultDuration(durationChoices(10))).toBe(10);
    expect(defaultDuration([90])).toBe(90);
  });
});
