import { Field } from '../../ui/field';
import { fieldError } from '../../ui/form-error';
import { Select } from '../../ui/select';
import { TextAreaField } from '../../ui/text-area-field';
import { REFILLS, type KeyFieldsForm } from './key-fields.form';
import { NamedLimitsFields } from './named-limits.fields';

interface KeyFieldsProps {
  form: KeyFieldsForm;
  onChange: (form: KeyFieldsForm) => void;
  /** The refusal of the last submit: the API's (or the console's) words at each field. */
  error: unknown;
}

/** Usage credits, named limits and metadata, as the create and edit dialogs both set them. */
export const KeyFields = ({ form, onChange, error }: KeyFieldsProps) => {
  const credits = form.credits;
  const setCredits = (change: Partial<KeyFieldsForm['credits']>) => onChange({ ...form, credits: { ...credits, ...change } });
  const intervalError = fieldError(error, 'credits.refill.interval');
  const amountError = fieldError(error, 'credits.refill.amount');
  // `credits` itself holds every nested refusal too: shown at Credits only when no other field shows it.
  const creditsError = fieldError(error, 'credits.remaining') ?? (intervalError || amountError ? undefined : fieldError(error, 'credits'));
  return (
    <>
      <fieldset>
        <legend>Usage credits</legend>
        <label className="check">
          <input type="checkbox" checked={credits.limited} onChange={(e) => setCredits({ limited: e.target.checked })} />
          Limit valid verifications to a number of credits
        </label>
        {credits.limited && (
          <div className="inline-fields">
            <Field
              label="Credits"
              type="number"
              min={0}
              step={1}
              required
              value={credits.remaining}
              onChange={(e) => setCredits({ remaining: e.target.value })}
              // Any change here (the refill too) sets the balance anew: what was spent no longer counts.
              hint="Saving a change to credits or their refill sets the balance to this number."
              error={creditsError}
            />
            <Select label="Refill" options={REFILLS} value={credits.refill} onChange={(e) => setCredits({ refill: e.target.value })} error={intervalError} />
            {credits.refill !== '' && (
              <Field label="Refill to" type="number" min={1} step={1} required value={credits.refillAmount} onChange={(e) => setCredits({ refillAmount: e.target.value })} error={amountError} />
            )}
          </div>
        )}
      </fieldset>
      <NamedLimitsFields limits={form.ratelimits} onChange={(ratelimits) => onChange({ ...form, ratelimits })} error={error} />
      <TextAreaField
        label="Metadata (JSON)"
        rows={4}
        spellCheck={false}
        value={form.meta}
        onChange={(e) => onChange({ ...form, meta: e.target.value })}
        hint='A JSON object returned by verify, e.g. {"plan": "pro"}; at most 8 KB. Never put secrets here.'
        error={fieldError(error, 'meta')}
      />
    </>
  );
};
