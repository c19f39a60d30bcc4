/** The durations offered first, in minutes: a quarter, an hour, half a day, a working day. */
const PRESETS = [15, 60, 240, 480];

/** The duration chosen unless the reader picks another: an hour, or less when that is all. */
const USUAL = 60;

/**
 * The durations a request may ask for under a rule's maximum, shortest first: the presets
 * up to the maximum, and the maximum itself.
 */
export function durationChoices(maxMinutes: number): number[] {
  const max = Math.max(1, Math.floor(maxMinutes));
  const choices = PRESETS.filter(minutes => minutes < max);
  return [...choices, max];
}

/** The choice selected at first: the longest up to an hour, else the shortest. */
export function defaultDuration(choices: number[]): number {
  const upToUsual = choices.filter(minutes => minutes <= USUAL);
  return upToUsual.length > 0 ? upToUsual[upToUsual.length - 1] : choices[0];
}
