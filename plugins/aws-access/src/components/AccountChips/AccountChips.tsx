import { Box, Chip } from '@material-ui/core';

/**
 * The chips in an account card's header: its organisation's title when the portal serves
 * several (outlined, to tell it from the environment), and its environment tag.
 */
export function AccountChips(props: {
  organizationTitle?: string;
  environment?: string;
}) {
  const { organizationTitle, environment } = props;
  if (!organizationTitle && !environment) {
    return null;
  }
  return (
    <Box display="flex" flexWrap="wrap" gridGap={8}>
      {organizationTitle && (
        <Chip size="small" variant="outlined" label={organizationTitle} />
      )}
      {environment && <Chip size="small" label={environment} />}
    </Box>
  );
}
