import type { components } from '../api/schema.generated';

type Role = components['schemas']['RoleView'];

interface RoleChecklistProps {
  legend: string;
  roles: readonly Pick<Role, 'id' | 'name'>[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  error?: string;
}

/** One checkbox per role of the workspace; the ids chosen. */
export const RoleChecklist = ({ legend, roles, chosen, onChange, error }: RoleChecklistProps) => (
  <fieldset>
    <legend>{legend}</legend>
    {roles.map((role) => (
      <label key={role.id} className="check">
        <input type="checkbox" checked={chosen.includes(role.id)} onChange={() => onChange(chosen.includes(role.id) ? chosen.filter((r) => r !== role.id) : [...chosen, role.id])} />
        {role.name}
      </label>
    ))}
    {error && <p className="field-error">{error}</p>}
  </fieldset>
);
