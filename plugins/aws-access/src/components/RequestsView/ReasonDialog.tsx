import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import { FormEvent, useState } from 'react';
import { awsAccessTranslationRef } from '../../translation';

/** The longest reason the backend takes. */
const MAX_REASON = 1000;

/**
 * Asks why before a denial (a reason required) or a revoke (optional), then calls
 * `onConfirm` with the trimmed reason, undefined when none was given.
 */
export function ReasonDialog(props: {
  title: string;
  /** What is decided on: role, account and requester. */
  subject: string;
  label: string;
  confirmLabel: string;
  required: boolean;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const given = reason.trim();
    if (props.required && !given) {
      setMissing(true);
      document.getElementById('aws-access-decision-reason')?.focus();
      return;
    }
    props.onConfirm(given || undefined);
  };
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="aws-access-decision-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="aws-access-decision-title">{props.title}</DialogTitle>
        <DialogContent>
          <Typography variant="body1">{props.subject}</Typography>
          <TextField
            id="aws-access-decision-reason"
            label={props.label}
            value={reason}
            onChange={event => {
              setReason(event.target.value);
              setMissing(false);
            }}
            required={props.required}
            error={missing}
            helperText={missing ? t('requests.reasonRequired') : undefined}
            inputProps={{ maxLength: MAX_REASON }}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            variant="outlined"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('requests.close')}</Button>
          <Button type="submit" color="primary" variant="contained">
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
