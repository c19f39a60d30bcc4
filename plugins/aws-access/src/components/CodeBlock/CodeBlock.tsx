import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { IconButton, Tooltip, makeStyles } from '@material-ui/core';
import CheckIcon from '@material-ui/icons/Check';
import CopyIcon from '@material-ui/icons/FileCopyOutlined';
import { useEffect, useRef, useState } from 'react';
import { LiveStatus } from '../LiveStatus';
import { awsAccessTranslationRef } from '../../translation';

/** How long the copy button shows its tick and the live region keeps "Copied". */
const COPIED_MS = 3000;

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    minWidth: 0,
    margin: theme.spacing(1, 0),
  },
  pre: {
    flex: 1,
    minWidth: 0,
    margin: 0,
    padding: theme.spacing(1),
    overflowX: 'auto',
    fontSize: theme.typography.body2.fontSize,
    lineHeight: 1.5,
    color: theme.palette.text.primary,
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
}));

/** Whether the element's content is wider than the element, kept up to date on resize. */
function useOverflowsX() {
  const ref = useRef<HTMLPreElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() =>
      setOverflows(element.scrollWidth > element.clientWidth),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, overflows };
}

/**
 * Config or commands to copy: plain text in the theme's colours (syntax highlighting's
 * colours fail contrast), a copy button named for what it copies, and "Copied" announced
 * in a live region. A block wider than its space scrolls by itself and takes focus then,
 * so it can be scrolled from the keyboard.
 */
export function CodeBlock(props: { text: string; copyLabel?: string }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const classes = useStyles();
  const errorApi = useApi(errorApiRef);
  const { ref, overflows } = useOverflowsX();
  const [copies, setCopies] = useState(0);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied, copies]);

  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(props.text);
      setCopies(n => n + 1);
      setCopied(true);
    } catch (error) {
      errorApi.post(error as Error);
    }
  };

  return (
    <div className={classes.root}>
      <pre
        ref={ref}
        className={classes.pre}
        // Only a block that scrolls sideways takes focus: the keyboard must reach its end.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={overflows ? 0 : undefined}
      >
        <code>{props.text}</code>
      </pre>
      {props.copyLabel && (
        <>
          <Tooltip title={props.copyLabel}>
            <IconButton
              size="small"
              aria-label={props.copyLabel}
              onClick={copy}
            >
              {copied ? <CheckIcon /> : <CopyIcon />}
            </IconButton>
          </Tooltip>
          <LiveStatus
            message={copied ? t('copy.copied') : undefined}
            messageKey={copies}
          />
        </>
      )}
    </div>
  );
}
