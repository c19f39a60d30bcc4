import { CopyTextButton } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  text: {
    margin: 0,
    padding: theme.spacing(1.5, 7, 1.5, 2),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.875rem',
    lineHeight: 1.5,
    color: theme.palette.text.primary,
  },
  copy: {
    position: 'absolute',
    top: theme.spacing(0.5),
    right: theme.spacing(0.5),
  },
}));

/**
 * A block of `~/.aws/config` text with a copy button named for what it copies. Plain
 * preformatted text rather than a syntax-highlighted snippet: a large team shows dozens
 * of these at once, and highlighting each made typing in the filter lag.
 */
export function ConfigBlock(props: { text: string; copyLabel: string }) {
  const classes = useStyles();
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (
    <div className={classes.root}>
      <pre className={classes.text}>
        <code>{props.text}</code>
      </pre>
      <div className={classes.copy}>
        <CopyTextButton
          text={props.text}
          aria-label={props.copyLabel}
          tooltipText={t('configBlock.copied')}
        />
      </div>
    </div>
  );
}
