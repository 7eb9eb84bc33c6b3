import { Field } from '../../ui/field';
import { fieldError } from '../../ui/form-error';
import { Select } from '../../ui/select';
import { MAX_NAMED_LIMITS, NEW_NAMED_LIMIT, type NamedLimitForm } from './key-fields.form';
import { WINDOW_UNITS } from './rate-window';

interface NamedLimitsFieldsProps {
  limits: NamedLimitForm[];
  onChange: (limits: NamedLimitForm[]) => void;
  error: unknown;
}

/** Up to ten named limits, each its own group (name, requests per window, auto-applied); the API's words at each entry's field. */
export const NamedLimitsFields = ({ limits, onChange, error }: NamedLimitsFieldsProps) => {
  const set = (index: number, change: Partial<NamedLimitForm>) => onChange(limits.map((limit, i) => (i === index ? { ...limit, ...change } : limit)));
  const listError = limits.some((_, i) => ['name', 'limit', 'windowSeconds'].some((f) => fieldError(error, `ratelimits.${i}.${f}`))) ? undefined : fieldError(error, 'ratelimits');
  return (
    <fieldset>
      <legend>Named limits</legend>
      <p className="muted">Each verify that names no limit is counted against every auto-applied one; a verify may name others, each with a cost.</p>
      {limits.map((limit, i) => (
        <fieldset key={i} className="named-limit">
          <legend>Named limit {i + 1}</legend>
          <div className="inline-fields">
            <Field label="Name" value={limit.name} required maxLength={64} pattern="[A-Za-z0-9_\-]{1,64}" onChange={(e) => set(i, { name: e.target.value })} error={fieldError(error, `ratelimits.${i}.name`)} />
            <Field label="Requests" type="number" min={1} step={1} required value={limit.limit} onChange={(e) => set(i, { limit: e.target.value })} error={fieldError(error, `ratelimits.${i}.limit`)} />
            <Field label="Per" type="number" min={1} step={1} required value={limit.window} onChange={(e) => set(i, { window: e.target.value })} error={fieldError(error, `ratelimits.${i}.windowSeconds`)} />
            <Select label="Unit" options={WINDOW_UNITS} value={limit.unit} onChange={(e) => set(i, { unit: e.target.value })} />
          </div>
          <label className="check">
            <input type="checkbox" checked={limit.autoApply} onChange={(e) => set(i, { autoApply: e.target.checked })} />
            Auto-apply
          </label>
          <button type="button" onClick={() => onChange(limits.filter((_, j) => j !== i))}>
            Remove named limit {i + 1}
          </button>
        </fieldset>
      ))}
      {listError && <p className="field-error">{listError}</p>}
      {limits.length < MAX_NAMED_LIMITS && (
        <button type="button" onClick={() => onChange([...limits, NEW_NAMED_LIMIT])}>
          Add named limit
        </button>
      )}
    </fieldset>
  );
};
