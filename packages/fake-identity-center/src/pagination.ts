export class ValidationError extends Error {
  readonly type = 'ValidationException';
}

export class NotFoundError extends Error {
  readonly type = 'ResourceNotFoundException';
}

/** One page of `items`, honouring MaxResults up to `maxPageSize` and an opaque NextToken. */
export function page<T>(
  items: T[],
  input: { MaxResults?: number; NextToken?: string },
  maxPageSize: number,
): { items: T[]; NextToken?: string } {
  const size = input.MaxResults ?? maxPageSize;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new ValidationError(
      `MaxResults must be between 1 and ${maxPageSize}, got ${size}`,
    );
  }
  const start = input.NextToken
    ? Number(Buffer.from(input.NextToken, 'base64url').toString('utf8'))
    : 0;
  if (!Number.isInteger(start) || start < 0) {
    throw new ValidationError('Invalid NextToken');
  }
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length && {
      NextToken: Buffer.from(String(end)).toString('base64url'),
    }),
  };
}
