/**
 * A per-service request quota as AWS applies it: a bucket holding one second of requests,
 * refilled continuously. The rate is read on every request so a test can change it while
 * the fake runs.
 */
export class TokenBucket {
  private tokens: number | undefined;
  private lastRefill = Date.now();

  /** Takes one token; false when the request is beyond the rate. No rate: unlimited. */
  take(requestsPerSecond: number | undefined): boolean {
    if (!requestsPerSecond) {
      return true;
    }
    const now = Date.now();
    this.tokens = Math.min(
      requestsPerSecond,
      (this.tokens ?? requestsPerSecond) +
        ((now - this.lastRefill) / 1000) * requestsPerSecond,
    );
    this.lastRefill = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }
}
