/** The figures of a soak run. */
export interface SoakFigures {
  minutes: number;
  changes: number;
  exact: number;
  total: number;
  http5xxOtherThan503: number;
  /** Undefined when there were too few samples to tell. */
  rssGrowthPct?: number;
  maxLagSeconds: number;
}

/** The soak's last line, exactly as the issue asks for it. */
export function soakLine(f: SoakFigures): string {
  const growth =
    f.rssGrowthPct === undefined ? 'unknown' : f.rssGrowthPct.toFixed(1);
  return (
    `soak minutes=${f.minutes} changes=${f.changes} exact=${f.exact}/${f.total} ` +
    `http_5xx_other_than_503=${f.http5xxOtherThan503} rss_growth_pct=${growth} ` +
    `max_lag_s=${f.maxLagSeconds.toFixed(1)}`
  );
}

/** Why a run failed, one reason per broken promise; empty when it passed. */
export function soakFailures(
  f: SoakFigures & { unexpectedAnswers: number },
): string[] {
  const failures: string[] = [];
  if (f.exact !== f.total) {
    failures.push(`${f.total - f.exact} groups differ from the truth`);
  }
  if (f.unexpectedAnswers > 0) {
    failures.push(`${f.unexpectedAnswers} answers other than 200 or 503`);
  }
  if (f.rssGrowthPct === undefined || f.rssGrowthPct >= 10) {
    failures.push(
      `memory grew ${
        f.rssGrowthPct === undefined
          ? 'by an unknown amount'
          : `${f.rssGrowthPct.toFixed(1)} %`
      } after the warm-up (limit 10 %)`,
    );
  }
  return failures;
}
