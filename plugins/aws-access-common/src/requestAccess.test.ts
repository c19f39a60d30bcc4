import {
  requestAccessTemplateProblem,
  requestAccessUrl,
} from './requestAccess';

describe('requestAccessUrl', () => {
  it('encodes every value so that hostile names stay inside their parameter', () => {
    const url = requestAccessUrl(
      'https://team.example.com/new?account={accountId}&name={accountName}&role={role}&group={group}&team={team}&user={user}',
      {
        accountId: '605112784586',
        accountName: 'payments "prod" [eu]&x=1',
        role: 'Read/Only?#',
        group: 'pay\nments',
        team: 'group:default/payments',
        user: 'user:default/åse',
      },
    );
    expect(url).toBe(
      'https://team.example.com/new?account=605112784586&name=payments%20%22prod%22%20%5Beu%5D%26x%3D1&role=Read%2FOnly%3F%23&group=pay%0Aments&team=group%3Adefault%2Fpayments&user=user%3Adefault%2F%C3%A5se',
    );
    const params = new URL(url).searchParams;
    expect(params.get('name')).toBe('payments "prod" [eu]&x=1');
    expect(params.get('x')).toBeNull();
  });

  it('leaves a placeholder without a value empty', () => {
    expect(
      requestAccessUrl('https://x.example/{team}?u={user}', { user: 'a' }),
    ).toBe('https://x.example/?u=a');
  });
});

describe('requestAccessTemplateProblem', () => {
  it.each([
    'https://team.example.com/requests?account={accountId}',
    'http://localhost:3000/chat/{group}',
    'https://example.com',
  ])('accepts %j', template => {
    expect(requestAccessTemplateProblem(template)).toBeUndefined();
  });

  it.each([
    ['data:text/html,hi', 'must start with http'],
    ['ftp://example.com/{role}', 'must start with http'],
    ['https://{accountName}.example.com/', 'must start with http'],
    ['//example.com/{role}', 'must start with http'],
    ['https://example.com/{roleName}', 'unknown placeholder {roleName}'],
  ])('refuses %j', (template, problem) => {
    expect(requestAccessTemplateProblem(template)).toContain(problem);
  });
});
