import { soakFailures, soakLine } from './soakLine';

const figures = {
  minutes: 3,
  changes: 159,
  exact: 300,
  total: 300,
  http5xxOtherThan503: 0,
  rssGrowthPct: 2.345,
  maxLagSeconds: 61.26,
};

describe('soakLine', () => {
  it('prints the figures in the order and form the issue asks for', () => {
    expect(soakLine(figures)).toBe(
      'soak minutes=3 changes=159 exact=300/300 http_5xx_other_than_503=0 rss_growth_pct=2.3 max_lag_s=61.3',
    );
    expect(soakLine({ ...figures, rssGrowthPct: undefined })).toContain(
      'rss_growth_pct=unknown',
    );
  });
});

describe('soakFailures', () => {
  it('passes a run that kept every promise', () => {
    expect(soakFailures({ ...figures, unexpectedAnswers: 0 })).toEqual([]);
  });

  it('names each broken promise', () => {
    expect(
      soakFailures({
        ...figures,
        exact: 298,
        rssGrowthPct: 12,
        unexpectedAnswers: 3,
      }),
    ).toEqual([
      '2 groups differ from the truth',
      '3 answers other than 200 or 503',
      'memory grew 12.0 % after the warm-up (limit 10 %)',
    ]);
  });
});
