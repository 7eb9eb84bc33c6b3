import type { components } from '../../api/schema.generated';
import { listOf } from '../../ui/list-of';

type Credential = components['schemas']['CredentialView'];
type Location = Credential['location'];
type StoreCredentialRequest = components['schemas']['StoreCredentialRequestDto'];
type UpdateCredentialRequest = components['schemas']['UpdateCredentialRequestDto'];

/** The fields a credential's form edits; the service and the value are set on create only. */
export interface CredentialForm {
  name: string;
  location: Location;
  /** Ignored for `bearer` (always Authorization). */
  parameterName: string;
  /** Separated by commas, spaces or lines. */
  hosts: string;
}

export const credentialFormOf = (credential?: Credential): CredentialForm => ({
  name: credential?.name ?? '',
  location: credential?.location ?? 'header',
  parameterName: credential && credential.location !== 'bearer' ? credential.parameterName : '',
  hosts: credential?.allowedHosts.join(', ') ?? '',
});

export const storeRequestOf = (service: string, value: string, form: CredentialForm): StoreCredentialRequest => ({
  service,
  name: form.name,
  value,
  location: form.location,
  parameterName: form.location === 'bearer' ? undefined : form.parameterName,
  allowedHosts: listOf(form.hosts),
});

/** Only what changed (PATCH keeps what is left out), so that renaming touches neither the hosts nor where the value goes. */
export const updateRequestOf = (credential: Credential, form: CredentialForm): UpdateCredentialRequest => {
  const request: UpdateCredentialRequest = {};
  const name = form.name.trim();
  if (name !== credential.name) request.name = name;
  if (form.location !== credential.location) request.location = form.location;
  if (form.location !== 'bearer' && (form.location !== credential.location || form.parameterName !== credential.parameterName)) request.parameterName = form.parameterName;
  const hosts = listOf(form.hosts);
  if (hosts.join(',') !== credential.allowedHosts.join(',')) request.allowedHosts = hosts;
  return request;
};
