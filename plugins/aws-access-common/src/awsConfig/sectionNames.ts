/**
 * Whether the AWS CLI treats a profile name specially, ignoring case: `default` is the
 * profile used when none is named (`[default]` and `[profile default]` are one profile);
 * `aws configure set` writes `preview` (CLI v1) and `plugins` into sections of their own
 * rather than `[profile …]`, and CLI v2 tests that with `in` on the string `'plugins'`, so
 * every part of that word (`in`, `plug`, `s`, …) counts too.
 *
 * @public
 */
export function isReservedProfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'default' || lower === 'preview' || 'plugins'.includes(lower)
  );
}

const SECTION_NAME = /^[A-Za-z0-9._-]+$/;

function nameProblem(name: string): string | undefined {
  if (!SECTION_NAME.test(name)) {
    return 'may contain only letters, digits, ".", "_" and "-"';
  }
  if (name.startsWith('-')) {
    return 'must not start with "-", which the AWS CLI reads as an option';
  }
  return undefined;
}

/**
 * Why a profile name cannot be written as `[profile NAME]` and used as `--profile NAME`,
 * or `undefined` when it can.
 *
 * @public
 */
export function profileNameProblem(name: string): string | undefined {
  return (
    nameProblem(name) ??
    (isReservedProfileName(name)
      ? 'is a name the AWS CLI treats specially'
      : undefined)
  );
}

/**
 * Why a session name cannot be written as `[sso-session NAME]` and used as
 * `--sso-session NAME`, or `undefined` when it can. The CLI reserves no session name.
 *
 * @public
 */
export function ssoSessionNameProblem(name: string): string | undefined {
  return nameProblem(name);
}
