import {
  formatSessionDuration,
  sessionDurationMinutes,
} from './sessionDuration';

describe('formatSessionDuration', () => {
  it.each([
    ['PT1H', '1 hour'],
    ['PT8H', '8 hours'],
    ['PT1H30M', '1 hour 30 minutes'],
    ['PT45M', '45 minutes'],
    ['PT1M', '1 minute'],
    ['P1D', 'P1D'],
    ['PT', 'PT'],
    ['PT0H', 'PT0H'],
  ])('%s -> %s', (iso, words) => {
    expect(formatSessionDuration(iso)).toBe(words);
  });
});

describe('sessionDurationMinutes', () => {
  it('reads hours and minutes, and nothing else', () => {
    expect(sessionDurationMinutes('PT8H')).toBe(480);
    expect(sessionDurationMinutes('PT1H30M')).toBe(90);
    expect(sessionDurationMinutes('PT45M')).toBe(45);
    expect(sessionDurationMinutes('P1D')).toBeUndefined();
    expect(sessionDurationMinutes('PT')).toBeUndefined();
  });
});
