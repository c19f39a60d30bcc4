import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
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
import { CodeBlock } from '../CodeBlock';
import { downloadText } from '../CliToolbar/downloadText';
import { awsAccessTranslationRef } from '../../translation';

export interface SetupMachineProps {
  /** An entity ref, or `me` for the signed-in user. */
  subject: string;
  /** The chosen region; empty for each organisation's own default. */
  region: string;
  variant: AwsConfigVariant;
  remote: boolean;
  /** Whether the subject's accounts are in several organisations: several blocks. */
  severalOrganizations?: boolean;
}

/**
 * "Set up this machine": downloads the setup script for the subject with the reader's
 * choices, and shows the one command that runs it. The script covers every organisation
 * the subject has accounts in: one managed block and one sign-in per session.
 */
export function SetupMachine(props: SetupMachineProps) {
  const api = useApi(awsAccessApiRef);
  const errorApi = useApi(errorApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const [open, setOpen] = useState(false);

  const download = async () => {
    try {
      const text = await api.getSetupScript(props.subject, {
        ...(props.region && { region: props.region }),
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
        {t('setup.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="aws-access-setup-title"
      >
        <DialogTitle id="aws-access-setup-title">
          {t('setup.title')}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            {t('setup.run')}
          </Typography>
          <CodeBlock
            text={`sh ${SETUP_SCRIPT_FILE_NAME}`}
            copyLabel={t('copy.setupCommand')}
          />
          <Typography variant="body2" paragraph style={{ marginTop: 16 }}>
            {props.severalOrganizations
              ? t('setup.whatItDoesSeveral')
              : t('setup.whatItDoes')}
          </Typography>
          <Typography variant="body2">
            {t('setup.flags', {
              dryRun: <code>--dry-run</code>,
              replaceMine: <code>--replace-mine</code>,
              noVerify: <code>--no-verify</code>,
            })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('setup.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
