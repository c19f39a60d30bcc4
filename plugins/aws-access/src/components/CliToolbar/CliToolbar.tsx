import { alertApiRef, errorApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
} from '@material-ui/core';
import { AwsConfigVariant } from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessApiRef } from '../../api';
import { useRemoteSignIn } from '../../hooks/useCliPreferences';
import { SetupMachine } from '../SetupMachine';
import { downloadText } from './downloadText';
import { awsAccessTranslationRef } from '../../translation';

export interface CliToolbarProps {
  /** An entity ref, or `me` for the signed-in user. */
  subject: string;
  /** The whole `~/.aws/config` text, made only when it is copied: large teams have thousands of profiles. */
  getConfigText: () => string;
  /** The regions to choose from: every one the entity's organisations offer. */
  regions: string[];
  /** The chosen region; empty for each organisation's own default. */
  region: string;
  /**
   * Whether the entity's accounts are in several organisations: the region then applies
   * to those that offer it, and "each organisation's default" is a choice.
   */
  severalOrganizations?: boolean;
  variant: AwsConfigVariant;
  onRegionChange: (region: string) => void;
  onLegacyCliChange: (legacy: boolean) => void;
}

function fileStem(subject: string) {
  return subject.replace(/^.*[:/]/, '').replace(/[^A-Za-z0-9._-]/g, '-');
}

/**
 * Region, CLI-version and remote sign-in choices; "set up this machine", "copy all" and
 * downloads for everything below.
 */
export function CliToolbar(props: CliToolbarProps) {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const alertApi = useApi(alertApiRef);
  const errorApi = useApi(errorApiRef);
  const { remote, setRemote } = useRemoteSignIn();
  const options = {
    ...(props.region && { region: props.region }),
    variant: props.variant,
    remote,
  };

  const copyAll = async () => {
    try {
      await window.navigator.clipboard.writeText(props.getConfigText());
      alertApi.post({
        message: t('toolbar.copiedAll'),
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      errorApi.post(error as Error);
    }
  };
  const download = async (kind: 'config' | 'script') => {
    try {
      if (kind === 'config') {
        const text = await api.getAwsConfig(props.subject, options);
        downloadText(
          text,
          `aws-config-${fileStem(props.subject)}`,
          'text/plain',
        );
      } else {
        const text = await api.getVerifyScript(props.subject, options);
        downloadText(text, 'verify-aws-access.sh', 'text/x-shellscript');
      }
    } catch (error) {
      errorApi.post(error as Error);
    }
  };

  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
      {/* A TextField names its select by label and value, as the value is what it shows. */}
      <TextField
        select
        variant="outlined"
        size="small"
        id="aws-access-region"
        label={t('toolbar.defaultRegion')}
        helperText={
          props.severalOrganizations
            ? t('toolbar.regionAcrossOrganizations')
            : undefined
        }
        value={props.region}
        onChange={e => props.onRegionChange(String(e.target.value))}
        // "Each organisation's own default" is the empty value: show it, label above.
        SelectProps={{ displayEmpty: props.severalOrganizations }}
        InputLabelProps={
          props.severalOrganizations ? { shrink: true } : undefined
        }
        style={props.severalOrganizations ? { maxWidth: 320 } : undefined}
      >
        {props.severalOrganizations && (
          <MenuItem value="">{t('toolbar.organizationDefaultRegion')}</MenuItem>
        )}
        {props.regions.map(r => (
          <MenuItem key={r} value={r}>
            {r}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            checked={props.variant === 'legacy'}
            onChange={e => props.onLegacyCliChange(e.target.checked)}
          />
        }
        label={t('toolbar.legacyCli')}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={remote}
            onChange={e => setRemote(e.target.checked)}
          />
        }
        label={t('toolbar.remote')}
      />
      <SetupMachine
        subject={props.subject}
        region={props.region}
        variant={props.variant}
        remote={remote}
        severalOrganizations={props.severalOrganizations}
      />
      <Button variant="outlined" onClick={copyAll}>
        {t('toolbar.copyAll')}
      </Button>
      <Button variant="outlined" onClick={() => download('config')}>
        {t('toolbar.downloadConfig')}
      </Button>
      <Button variant="outlined" onClick={() => download('script')}>
        {t('toolbar.downloadVerifyScript')}
      </Button>
    </Box>
  );
}
