import type { components } from '../api/schema.generated';

import type { Level } from './level';
type ResourceType = components['schemas']['ResourceTypeDto'];

const LEVELS: readonly { value: Level; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write' },
];

interface PermissionPickerProps {
  catalogue: readonly ResourceType[];
  levels: Record<string, Level>;
  onChange: (resource: string, level: Level) => void;
  error?: string;
}

/** None / Read / Write per resource, grouped as the workspace's catalogue: one radio group per resource, named by it. */
export const PermissionPicker = ({ catalogue, levels, onChange, error }: PermissionPickerProps) => {
  const groups = [...new Set(catalogue.map((r) => r.group))];
  return (
    <div className="permissions">
      {error && <p className="field-error">{error}</p>}
      {groups.map((group) => (
        <fieldset key={group}>
          <legend>{group}</legend>
          {catalogue
            .filter((r) => r.group === group)
            .map(({ resource }) => (
              <div key={resource} role="radiogroup" aria-label={resource} className="level-row">
                <span aria-hidden="true" className="resource">{resource}</span>
                {LEVELS.map(({ value, label }) => (
                  <label key={value}>
                    <input type="radio" name={`level-${resource}`} value={value} checked={(levels[resource] ?? 'none') === value} onChange={() => onChange(resource, value)} />
                    {label}
                  </label>
                ))}
              </div>
            ))}
        </fieldset>
      ))}
    </div>
  );
};
