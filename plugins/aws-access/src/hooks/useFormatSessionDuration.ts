import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../translation';

/** The ISO 8601 durations Identity Center uses for permission sets: `PT8H`, `PT1H30M`. */
const ISO_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?$/;

/**
 * Session durations in the reader's language (`8 hours`, `8 timer`). The common
 * package's `formatSessionDuration` says the same in English for the generated scripts;
 * anything that is not an hours-and-minutes duration comes back unchanged.
 */
export function useFormatSessionDuration(): (iso: string) => string {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (iso: string) => {
    const match = ISO_DURATION.exec(iso);
    if (!match) {
      return iso;
    }
    const [hours, minutes] = [Number(match[1] ?? 0), Number(match[2] ?? 0)];
    const parts: string[] = [];
    if (hours) parts.push(t('role.hours', { count: hours }));
    if (minutes) parts.push(t('role.minutes', { count: minutes }));
    return parts.join(' ') || iso;
  };
}
