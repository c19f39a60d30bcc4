import { InputError } from '@backstage/errors';
import { z } from 'zod';

function parseOrThrow<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  describe: (field: string) => string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${describe(issue.path.join('.'))} ${issue.message}`);
  }
  return parsed.data;
}

/** A request's query checked against `schema`; a 400 names the first bad parameter. */
export function readQuery<T extends z.ZodTypeAny>(
  schema: T,
  query: unknown,
): z.infer<T> {
  return parseOrThrow(schema, query, field => `Query parameter '${field}'`);
}

/** A JSON request body checked against `schema`; a 400 names the first bad field. */
export function readBody<T extends z.ZodTypeAny>(
  schema: T,
  body: unknown,
): z.infer<T> {
  return parseOrThrow(schema, body, field =>
    field ? `Field '${field}'` : 'Request body',
  );
}
