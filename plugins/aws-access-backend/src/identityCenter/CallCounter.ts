import { CallOutcome } from '../metrics/AwsAccessMetrics';

/** Told of every request to AWS as it ends, e.g. to count it as a metric. */
export type CallObserver = (call: {
  operation: string;
  outcome: CallOutcome;
}) => void;

/** Counts AWS requests by operation, retries included. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly observer?: CallObserver) {}

  add(operation: string, outcome: CallOutcome): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    this.observer?.({ operation, outcome });
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort());
  }
}
