import type { components } from '../../api/schema.generated';
import { credentialFormOf, storeRequestOf, updateRequestOf } from './credential.request';

type Credential = components['schemas']['CredentialView'];

const credential: Credential = {
  id: 'cred_1',
  workspaceId: 'default',
  service: 'stripe',
  name: 'billing',
  location: 'header',
  parameterName: 'X-API-Key',
  allowedHosts: ['api.stripe.com'],
  sharedWith: { keys: [], roles: [] },
  owner: 'root',
  lastFour: 'x4Qz',
  createdAt: '2026-01-01T00:00:00.000Z',
  rotatedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('credential requests', () => {
  it('stores a new credential with its hosts as a list and no parameter name for bearer', () => {
    expect(storeRequestOf('openai', 'sk-1', { name: 'main', location: 'bearer', parameterName: 'ignored', hosts: 'api.openai.com, eu.openai.com' })).toEqual({
      service: 'openai',
      name: 'main',
      value: 'sk-1',
      location: 'bearer',
      parameterName: undefined,
      allowedHosts: ['api.openai.com', 'eu.openai.com'],
    });
  });

  it('edits nothing when nothing changed', () => {
    expect(updateRequestOf(credential, credentialFormOf(credential))).toEqual({});
  });

  it('sends a new name alone (hosts and location untouched) and new hosts alone', () => {
    expect(updateRequestOf(credential, { ...credentialFormOf(credential), name: ' billing eu ' })).toEqual({ name: 'billing eu' });
    expect(updateRequestOf(credential, { ...credentialFormOf(credential), hosts: 'api.stripe.com\nfiles.stripe.com' })).toEqual({ allowedHosts: ['api.stripe.com', 'files.stripe.com'] });
  });

  it('sends the parameter name with a move to header or query, and none with a move to bearer', () => {
    expect(updateRequestOf(credential, { ...credentialFormOf(credential), location: 'query', parameterName: 'api_key' })).toEqual({ location: 'query', parameterName: 'api_key' });
    expect(updateRequestOf(credential, { ...credentialFormOf(credential), location: 'bearer' })).toEqual({ location: 'bearer' });
    const bearer = { ...credential, location: 'bearer' as const, parameterName: 'Authorization' };
    expect(credentialFormOf(bearer).parameterName).toBe('');
    expect(updateRequestOf(bearer, { ...credentialFormOf(bearer), location: 'header', parameterName: 'X-Key' })).toEqual({ location: 'header', parameterName: 'X-Key' });
  });
});
