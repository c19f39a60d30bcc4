import { Request, RequestHandler } from 'express';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';

/** The label of requests no route matched; raw paths would make a label per URL. */
export const UNMATCHED_ROUTE = 'unmatched';

const patternRegExp = (pattern: string) =>
  new RegExp(`${pattern.replace(/:[^/]+/g, '[^/]+')}$`);

const segments = (pattern: string) => pattern.split('/').length;

/**
 * The pattern of the route that answered, e.g. `/entities/:kind/:namespace/:name/accounts`.
 * A route registered for several patterns (an entity's and `/me`'s) names the longest
 * one the URL ends with: by the time an error is answered, express has already put
 * back the params that would tell them apart.
 */
export function routeLabel(req: Request): string {
  const path: unknown = req.route?.path;
  if (typeof path === 'string') {
    return path;
  }
  if (Array.isArray(path)) {
    const url = req.originalUrl.split('?')[0];
    const matching = path
      .filter((p): p is string => typeof p === 'string')
      .filter(p => patternRegExp(p).test(url))
      .sort((a, b) => segments(b) - segments(a));
    return matching[0] ?? UNMATCHED_ROUTE;
  }
  return UNMATCHED_ROUTE;
}

/** Counts each answered request by route pattern, method and status. */
export function requestMetrics(
  metrics: Pick<AwsAccessMetrics, 'recordRequest'>,
): RequestHandler {
  return (req, res, next) => {
    res.once('finish', () =>
      metrics.recordRequest({
        route: routeLabel(req),
        method: req.method,
        status: res.statusCode,
      }),
    );
    next();
  };
}
