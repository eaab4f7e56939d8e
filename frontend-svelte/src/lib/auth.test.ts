import { describe, expect, it } from 'vitest';
import { bearer, settingsFor } from './auth';

describe('settingsFor', () => {
  it('signs in with authorization code against the issuer, back to the UI root', () => {
    const settings = settingsFor({ auth: 'oidc', issuer: 'https://id.example.org/realms/a', clientId: 'atelier-ui' },
      'https://atelier.example.org');
    expect(settings).toMatchObject({ authority: 'https://id.example.org/realms/a', client_id: 'atelier-ui',
      response_type: 'code', redirect_uri: 'https://atelier.example.org/', scope: 'openid profile email' });
  });

  it('refuses a half-configured service', () => {
    expect(() => settingsFor({ auth: 'oidc', issuer: null, clientId: 'x' }, 'http://localhost')).toThrow(/issuer/);
  });
});

describe('bearer', () => {
  it('is empty before anyone signs in (local mode sends no token)', () => {
    expect(bearer()).toBeNull();
  });
});
