// A minimal OpenID provider for the browser test of OIDC sign-in (loopback only, test key from the backend tests):
// discovery, JWKS, an authorize endpoint that signs the user in at once, and a token endpoint that checks PKCE.
import { createServer } from 'node:http';
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const port = Number(process.env.IDP_PORT ?? 18106);
const issuer = `http://localhost:${port}`;
const keyFile = new URL('../../src/test/resources/jwt/test-private.pem', import.meta.url);
const privateKey = createPrivateKey(readFileSync(keyFile));
const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
const codes = new Map();

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function jwt(claims) {
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${b64(claims)}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64url')}`;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', ...headers,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (req.method === 'OPTIONS') { return send(res, 204); }
  if (url.pathname === '/.well-known/openid-configuration') {
    return send(res, 200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`, end_session_endpoint: `${issuer}/logout`, response_types_supported: ['code'],
      subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'], grant_types_supported: ['authorization_code'] });
  }
  if (url.pathname === '/jwks') { return send(res, 200, { keys: [jwk] }); }
  if (url.pathname === '/authorize') {
    const code = randomUUID();
    codes.set(code, { challenge: url.searchParams.get('code_challenge'), nonce: url.searchParams.get('nonce'),
      clientId: url.searchParams.get('client_id') });
    const back = new URL(url.searchParams.get('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state'));
    return send(res, 302, undefined, { Location: back.toString() });
  }
  if (url.pathname === '/logout') {
    return send(res, 302, undefined, { Location: url.searchParams.get('post_logout_redirect_uri') ?? '/' });
  }
  if (url.pathname === '/token' && req.method === 'POST') {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const grant = codes.get(form.get('code'));
      codes.delete(form.get('code'));
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        return send(res, 400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const person = { sub: 'e2e-user', email: 'e2e@example.org', name: 'E2E User', groups: ['user'] };
      send(res, 200, { token_type: 'Bearer', expires_in: 3600,
        access_token: jwt({ iss: issuer, ...person, iat: now, exp: now + 3600, azp: grant.clientId }),
        id_token: jwt({ iss: issuer, aud: grant.clientId, nonce: grant.nonce, ...person, iat: now, exp: now + 3600 }) });
    });
    return;
  }
  send(res, 404, { error: 'not_found' });
}).listen(port, '127.0.0.1', () => console.log(`fake OpenID provider on ${issuer}`));
