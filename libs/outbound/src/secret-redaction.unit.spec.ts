import { PatternScanner } from './pattern-scanner';
import { MIN_REDACTED_RUN, redactionForms, redactSecret } from './secret-redaction';

const SECRET = 'sk_live a/b+c"d';

describe('redactSecret', () => {
  it('removes the secret as is, URL-encoded, form-encoded and JSON-escaped, from headers and body', () => {
    const echoed = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ k: SECRET }).toString(), JSON.stringify({ k: SECRET })].join(' | ');
    const answer = redactSecret({ status: 200, headers: { 'x-echo': echoed, 'set-cookie': [echoed, 'a=b'], [`x-${encodeURIComponent(SECRET)}`]: 'name' }, body: echoed }, SECRET);
    const text = JSON.stringify(answer);
    for (const form of [SECRET, encodeURIComponent(SECRET), 'sk_live+a%2Fb%2Bc%22d', 'sk_live a/b+c\\"d']) expect(text).not.toContain(form);
    expect(answer.body).toContain('[REDACTED]');
    expect(answer.headers['set-cookie']).toEqual([expect.stringContaining('[REDACTED]'), 'a=b']);
    expect(answer.status).toBe(200);
  });

  it('leaves no run of the secret that escaping would not change, whatever the escaping (here a URL encoded twice)', () => {
    const secret = 'sk_live_4f9Qm2Xc8Lr7+Tz1Wv6Yb3Nd0/=';
    const twice = encodeURIComponent(encodeURIComponent(`https://x.example/?k=${secret}`));
    const answer = redactSecret({ status: 200, headers: { 'x-echo': twice }, body: twice }, secret);
    for (const run of ['sk_live_4f9Qm2Xc8Lr7', 'Tz1Wv6Yb3Nd0']) expect(JSON.stringify(answer)).not.toContain(run);
    expect(answer.body).toContain('x.example');
  });
});

describe('redactionForms', () => {
  it('are the secret, three encodings of it and its unescaped runs of 8 or more: never more than one run per 9 characters', () => {
    expect(redactionForms('sk_live_4f9Qm2Xc8Lr7+Tz1Wv6+short+Yb3Nd0/=')).toEqual(['sk_live_4f9Qm2Xc8Lr7+Tz1Wv6+short+Yb3Nd0/=', 'sk_live_4f9Qm2Xc8Lr7%2BTz1Wv6%2Bshort%2BYb3Nd0%2F%3D', 'sk_live_4f9Qm2Xc8Lr7']);
    const worst = Array.from({ length: 910 }, (_, i) => `r${i.toString(36).padStart(MIN_REDACTED_RUN - 1, '0')}`).join('/');
    expect(worst.length).toBeLessThanOrEqual(8_192);
    expect(redactionForms(worst).length).toBeLessThanOrEqual(4 + Math.ceil(worst.length / (MIN_REDACTED_RUN + 1)));
  });
});

describe('redaction of a large answer', () => {
  // The worst value: 8,192 characters cut by '/' into as many distinct runs as can be redacted (910).
  const runs = Array.from({ length: 910 }, (_, i) => `r${i.toString(36).padStart(MIN_REDACTED_RUN - 1, '0')}`);
  const value = runs.join('/');
  // Echoed URL-encoded twice, so only the runs are found: each one a separate match.
  const echo = encodeURIComponent(encodeURIComponent(value));
  const copies = Math.ceil((5 * 1024 * 1024) / echo.length);
  const body = echo.repeat(copies);

  it('redacts every run of a 5 MB echo in one pass over it: at most two automaton moves per character, whatever the number of forms', () => {
    const forms = redactionForms(value);
    expect(forms.length).toBe(2 + runs.length); // JSON leaves it as it is, form encoding as URL encoding does
    const { spans, steps } = new PatternScanner(forms).scan(body);
    expect(spans.length).toBe(runs.length * copies);
    expect(steps).toBeLessThanOrEqual(2 * body.length);
    const redacted = redactSecret({ status: 200, headers: {}, body }, value).body;
    expect(redacted).toBe(runs.map(() => '[REDACTED]').join('%252F').repeat(copies));
  });
});

describe('PatternScanner', () => {
  /** The reference: every occurrence of every pattern, found one by one, overlapping ones merged. */
  const naive = (text: string, patterns: readonly string[]): { start: number; end: number }[] => {
    const covered: [number, number][] = [];
    for (const p of patterns) for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) covered.push([at, at + p.length]);
    covered.sort((a, b) => a[0] - b[0]);
    const merged: { start: number; end: number }[] = [];
    for (const [start, end] of covered) {
      const last = merged.at(-1);
      if (last && start < last.end) last.end = Math.max(last.end, end);
      else merged.push({ start, end });
    }
    return merged;
  };

  it('finds what searching for each pattern alone finds, on random texts', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const word = (length: number): string => Array.from({ length }, () => 'abc'[random(3)]).join('');
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + random(6) }, () => word(1 + random(5)));
      const text = word(random(60));
      expect({ text, patterns, spans: new PatternScanner(patterns).scan(text).spans }).toEqual({ text, patterns, spans: naive(text, patterns) });
    }
  });

  it('keeps touching matches apart and merges overlapping ones', () => {
    expect(new PatternScanner(['secret']).scan('secretsecret').spans).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 12 },
    ]);
    expect(new PatternScanner(['abcd', 'cdef', 'bc']).scan('xabcdefx').spans).toEqual([{ start: 1, end: 7 }]);
  });
});
