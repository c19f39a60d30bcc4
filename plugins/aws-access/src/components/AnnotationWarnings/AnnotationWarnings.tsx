import { WarningPanel } from '@backstage/core-components';
import { Typography } from '@material-ui/core';

/** Lists problems found in the entity's annotations; each names the annotation. */
export function AnnotationWarnings({ warnings }: { warnings?: string[] }) {
  if (!warnings?.length) {
    return null;
  }
  return (
    <WarningPanel
      severity="warning"
      title="Check this entity's annotations"
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
