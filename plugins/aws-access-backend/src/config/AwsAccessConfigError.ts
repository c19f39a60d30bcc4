import { z } from 'zod';

const ROOT = 'awsAccess';

/** A configuration problem, naming the key it is about. */
export class AwsAccessConfigError extends Error {
  readonly name = 'AwsAccessConfigError';

  constructor(readonly key: string, problem: string) {
    super(`Invalid configuration at '${key}': ${problem}`);
  }
}

/** The config key of a path inside the `awsAccess` block, e.g. `awsAccess.static.accounts[1].id`. */
export function keyOf(path: (string | number)[]): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${part}`,
    ROOT,
  );
}

/**
 * The value at `path` inside the `awsAccess` block checked against `schema`; throws
 * {@link AwsAccessConfigError} naming the first offending key.
 */
export function parseConfig<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  path: (string | number)[] = [],
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AwsAccessConfigError(
      keyOf([...path, ...issue.path]),
      issue.message,
    );
  }
  return parsed.data;
}
