import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  // Read by screen readers, not shown: the change it announces is visible already.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * A polite live region (`role="status"`): screen readers announce `message` without moving
 * focus. A new `messageKey` announces the same words again (a second copy, a second reload).
 */
export function LiveStatus(props: {
  message?: string;
  messageKey?: string | number;
}) {
  const classes = useStyles();
  return (
    <span role="status" className={classes.visuallyHidden}>
      {props.message && <span key={props.messageKey}>{props.message}</span>}
    </span>
  );
}
