import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../translation';

/** The ISO 8601 durations Identity Center uses for permission sets: `PT8H`, `PT1H30M`. */
const ISO_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?$/;

/** Hours and minutes in the reader's language (`1 hour 30 minutes`, `1 time 30 minutter`). */
function useFormatHoursMinutes(): (hours: number, minutes: number) => string {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (hours, minutes) => {
    const parts: string[] = [];
    if (hours) parts.push(t('role.hours', { count: hours }));
    if (minutes) parts.push(t('role.minutes', { count: minutes }));
    return parts.join(' ');
  };
}

/** A number of minutes in the reader's language, in hours and minutes: `1 hour 30 minutes`. */
export function useFormatMinutes(): (minutes: number) => string {
  const format = useFormatHoursMinutes();
  return total =>
    format(Math.floor(total / 60), total % 60) || format(0, total);
}

/**
 * Session durations in the reader's language (`8 hours`, `8 timer`). The common
 * package's `formatSessionDuration` says the same in English for the generated scripts;
 * anything that is not an hours-and-minutes duration comes back unchanged.
 */
export function useFormatSessionDuration(): (iso: string) => string {
  const format = useFormatHoursMinutes();
  return (iso: string) => {
    const match = ISO_DURATION.exec(iso);
    if (!match) {
      return iso;
    }
    return format(Number(match[1] ?? 0), Number(match[2] ?? 0)) || iso;
  };
}
