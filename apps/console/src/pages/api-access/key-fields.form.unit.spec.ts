import { ApiError } from '../../api/api-error';
import { createFieldsOf, creditsFormOf, editFieldsOf, keyFieldsFormOf, metaOf, NEW_NAMED_LIMIT } from './key-fields.form';
import { keyView as key } from './key-view.fixture';

const refusal = (text: string): string | undefined => {
  try {
    metaOf(text);
  } catch (e) {
    return e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? e.fields.meta : undefined;
  }
  return undefined;
};

describe('metadata typed in the console', () => {
  it('is a JSON object, or nothing when empty', () => {
    expect(metaOf('{"plan": "pro", "seats": 3}')).toEqual({ plan: 'pro', seats: 3 });
    expect(metaOf('  \n')).toBeUndefined();
  });

  it('is refused at its field when not JSON or not an object', () => {
    expect(refusal('{plan: pro}')).toMatch(/^Must be JSON/);
    expect(refusal('[1, 2]')).toMatch(/^Must be a JSON object/);
    expect(refusal('"pro"')).toMatch(/^Must be a JSON object/);
    expect(refusal('null')).toMatch(/^Must be a JSON object/);
  });
});

describe('credits and metadata on create', () => {
  it('sends only what was set', () => {
    expect(createFieldsOf(keyFieldsFormOf())).toEqual({});
    const form = { credits: { limited: true, remaining: '100', refill: '', refillAmount: '5000' }, ratelimits: [], meta: '{"plan":"pro"}' };
    expect(createFieldsOf(form)).toEqual({ credits: { remaining: 100 }, meta: { plan: 'pro' } });
    expect(createFieldsOf({ ...form, credits: { ...form.credits, refill: 'daily' } })).toEqual({ credits: { remaining: 100, refill: { interval: 'daily', amount: 5000 } }, meta: { plan: 'pro' } });
  });
});

describe('credits and metadata on edit (only what changed)', () => {
  const withFields = key({ credits: { remaining: 42, refill: { interval: 'monthly', amount: 100 } }, meta: { plan: 'pro' } });

  it('opens with the live balance, the refill and the metadata as indented JSON', () => {
    expect(keyFieldsFormOf(withFields)).toEqual({ credits: { limited: true, remaining: '42', refill: 'monthly', refillAmount: '100' }, ratelimits: [], meta: '{\n  "plan": "pro"\n}' });
    expect(creditsFormOf(null)).toMatchObject({ limited: false });
  });

  it('sends nothing when nothing changed: the live balance is not set anew', () => {
    expect(editFieldsOf(withFields, keyFieldsFormOf(withFields))).toEqual({});
    expect(editFieldsOf(key(), keyFieldsFormOf(key()))).toEqual({});
  });

  it('sends the whole credits when any part changed, null when turned off', () => {
    const form = keyFieldsFormOf(withFields);
    expect(editFieldsOf(withFields, { ...form, credits: { ...form.credits, remaining: '500' } })).toEqual({ credits: { remaining: 500, refill: { interval: 'monthly', amount: 100 } } });
    expect(editFieldsOf(withFields, { ...form, credits: { ...form.credits, refill: '' } })).toEqual({ credits: { remaining: 42 } });
    expect(editFieldsOf(withFields, { ...form, credits: { ...form.credits, limited: false } })).toEqual({ credits: null });
  });

  it('sends new metadata, null when emptied, nothing when only reformatted', () => {
    const form = keyFieldsFormOf(withFields);
    expect(editFieldsOf(withFields, { ...form, meta: '{"plan":"team"}' })).toEqual({ meta: { plan: 'team' } });
    expect(editFieldsOf(withFields, { ...form, meta: '' })).toEqual({ meta: null });
    expect(editFieldsOf(withFields, { ...form, meta: '{"plan":"pro"}' })).toEqual({});
  });
});

describe('named limits', () => {
  const limited = key({ ratelimits: [{ name: 'tokens', limit: 1000, windowSeconds: 60, autoApply: true }, { name: 'search', limit: 5, windowSeconds: 7200, autoApply: false }] });

  it('open in their largest whole unit and send nothing when unchanged', () => {
    const form = keyFieldsFormOf(limited);
    expect(form.ratelimits).toEqual([
      { name: 'tokens', limit: '1000', window: '1', unit: '60', autoApply: true },
      { name: 'search', limit: '5', window: '2', unit: '3600', autoApply: false },
    ]);
    expect(editFieldsOf(limited, form)).toEqual({});
  });

  it('send the whole list, in seconds and trimmed, when any entry changed; [] when all are removed', () => {
    const form = keyFieldsFormOf(limited);
    const [tokens, search] = form.ratelimits;
    expect(editFieldsOf(limited, { ...form, ratelimits: [tokens, { ...search, autoApply: true }] }).ratelimits).toEqual([
      { name: 'tokens', limit: 1000, windowSeconds: 60, autoApply: true },
      { name: 'search', limit: 5, windowSeconds: 7200, autoApply: true },
    ]);
    expect(editFieldsOf(limited, { ...form, ratelimits: [] })).toEqual({ ratelimits: [] });
    expect(createFieldsOf({ ...keyFieldsFormOf(), ratelimits: [{ ...NEW_NAMED_LIMIT, name: ' tokens ' }] })).toEqual({ ratelimits: [{ name: 'tokens', limit: 100, windowSeconds: 60, autoApply: true }] });
  });
});
