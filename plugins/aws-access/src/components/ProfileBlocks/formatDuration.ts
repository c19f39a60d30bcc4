/** Turns an ISO 8601 session duration such as `PT8H` or `PT1H30M` into words. */
export function formatDuration(iso: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!match) {
    return iso;
  }
  const parts: string[] = [];
  const [hours, minutes] = [Number(match[1] ?? 0), Number(match[2] ?? 0)];
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ') || iso;
}
