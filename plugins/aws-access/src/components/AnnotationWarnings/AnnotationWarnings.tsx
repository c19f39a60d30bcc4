import { WarningPanel } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../../translation';

/** Lists problems found in the entity's annotations; each names the annotation. */
export function AnnotationWarnings({ warnings }: { warnings?: string[] }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  if (!warnings?.length) {
    return null;
  }
  return (
    <WarningPanel
      severity="warning"
      title={t('entity.annotationWarnings')}
      defaultExpanded
    >
      {warnings.map(w => (
        <Typography key={w} variant="body2" component="p">
          {w}
        </Typography>
      ))}
    </WarningPanel>
  );
}
