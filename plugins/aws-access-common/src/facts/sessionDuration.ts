const ISO_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?$/;

/**
 * Turns a permission set's ISO 8601 session duration such as `PT8H` or `PT1H30M` into
 * words (`8 hours`, `1 hour 30 minutes`); anything else comes back unchanged.
 *
 * @public
 */
export function formatSessionDuration(iso: string): string {
  const match = ISO_DURATION.exec(iso);
  if (!match) {
    return iso;
  }
  const [hours, minutes] = [Number(match[1] ?? 0), Number(match[2] ?? 0)];
  const parts: string[] = [];
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ') || iso;
}

/**
 * A permission set's ISO 8601 session duration (`PT8H`, `PT1H30M`) in minutes; undefined
 * for anything else.
 *
 * @public
 */
export function sessionDurationMinutes(iso: string): number | undefined {
  const match = ISO_DURATION.exec(iso);
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : undefined;
}
