import { formatCredits, formatMeta, formatNamedLimit, formatRefill, formatWindow } from './key-fields.format';

const count = (n: number): string => new Intl.NumberFormat().format(n);

describe('the key fields as the console shows them', () => {
  it('says credits as what is left and the refill as amount and interval', () => {
    expect(formatRefill({ interval: 'daily', amount: 5_000 })).toBe(`${count(5_000)} daily`);
    expect(formatCredits({ remaining: 1_234 })).toBe(`${count(1_234)} left`);
    expect(formatCredits({ remaining: 0, refill: { interval: 'monthly', amount: 100 } })).toBe('0 left, refilled to 100 monthly');
    expect(formatCredits(null)).toBe('Unlimited');
    expect(formatCredits(undefined)).toBe('Unlimited');
  });

  it('warns that a degraded balance is an upper bound', () => {
    expect(formatCredits({ remaining: 10, degraded: true })).toBe('10 left (at most: the spend count could not be read)');
  });

  it('says a window in its largest whole unit', () => {
    expect(formatWindow(1)).toBe('second');
    expect(formatWindow(60)).toBe('minute');
    expect(formatWindow(90)).toBe('90 seconds');
    expect(formatWindow(7_200)).toBe('2 hours');
    expect(formatWindow(86_400)).toBe('day');
  });

  it('says a named limit with whether it is applied to every verify', () => {
    expect(formatNamedLimit({ name: 'tokens', limit: 1_000, windowSeconds: 60, autoApply: true })).toBe(`${count(1_000)} per minute, auto-applied`);
    expect(formatNamedLimit({ name: 'search', limit: 5, windowSeconds: 3_600, autoApply: false })).toBe('5 per hour, only when a verify names it');
  });

  it('shows metadata as indented JSON (React renders it as text, markup and all)', () => {
    expect(formatMeta({ plan: 'pro', tags: ['<script>'] })).toBe('{\n  "plan": "pro",\n  "tags": [\n    "<script>"\n  ]\n}');
    expect(formatMeta({})).toBe('{}');
  });
});
