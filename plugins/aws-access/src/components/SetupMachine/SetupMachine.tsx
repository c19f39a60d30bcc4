import { CodeSnippet } from '@backstage/core-components';
import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import {
  AwsConfigVariant,
  SETUP_SCRIPT_FILE_NAME,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useState } from 'react';
import { awsAccessApiRef } from '../../api';
import { downloadText } from '../CliToolbar/downloadText';

export interface SetupMachineProps {
  /** An entity ref, or `me` for the signed-in user. */
  subject: string;
  region: string;
  variant: AwsConfigVariant;
  remote: boolean;
}

/**
 * "Set up this machine": downloads the setup script for the subject with the reader's
 * choices, and shows the one command that runs it.
 */
export function SetupMachine(props: SetupMachineProps) {
  const api = useApi(awsAccessApiRef);
  const errorApi = useApi(errorApiRef);
  const [open, setOpen] = useState(false);

  const download = async () => {
    try {
      const text = await api.getSetupScript(props.subject, {
        region: props.region,
        variant: props.variant,
        remote: props.remote,
      });
      downloadText(text, SETUP_SCRIPT_FILE_NAME, 'text/x-shellscript');
      setOpen(true);
    } catch (error) {
      errorApi.post(error as Error);
    }
  };

  return (
    <>
      <Button variant="contained" color="primary" onClick={download}>
        Set up this machine
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="aws-access-setup-title"
      >
        <DialogTitle id="aws-access-setup-title">
          Set up this machine
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            Run the downloaded script in the folder it was saved to, on the
            machine where you use the AWS CLI:
          </Typography>
          <CodeSnippet
            language="bash"
            text={`sh ${SETUP_SCRIPT_FILE_NAME}`}
            showCopyCodeButton
          />
          <Typography variant="body2" paragraph style={{ marginTop: 16 }}>
            It writes the SSO session and every profile into ~/.aws/config (or
            AWS_CONFIG_FILE) between two marker comments and leaves the rest of
            the file as it is. Run it again whenever your access changes: it
            replaces the block, removes profiles you no longer have, keeps a
            backup and ends with the verify checks.
          </Typography>
          <Typography variant="body2">
            <code>--dry-run</code> shows the change without writing;{' '}
            <code>--replace-mine</code> lets the block take over your own
            sections that have the same names; <code>--no-verify</code> skips
            the checks.
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
