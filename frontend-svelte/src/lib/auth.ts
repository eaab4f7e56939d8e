import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** What the service says about signing in (GET /ui-config.json). */
export interface UiConfig {
  auth: 'local' | 'oidc';
  issuer?: string | null;
  clientId?: string;
  scope?: string;
}

export interface Session {
  mode: 'local' | 'oidc';
  signedIn: boolean;
  name?: string;
}

let manager: UserManager | null = null;
let user: User | null = null;

/** Authorization code + PKCE (oidc-client-ts's default for response_type "code"), back to the UI's own root. */
export function settingsFor(config: UiConfig, origin: string) {
  if (!config.issuer || !config.clientId) {
    throw new Error('OIDC is on but the service did not say which issuer and client to use');
  }
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.scope ?? 'openid profile email',
  };
}

/** Reads the service's sign-in settings and, in OIDC mode, finishes a sign-in redirect or restores the session. */
export async function startAuth(): Promise<Session> {
  const config: UiConfig = await (await fetch('/ui-config.json')).json();
  if (config.auth !== 'oidc') {
    return { mode: 'local', signedIn: true };
  }
  manager = new UserManager({ ...settingsFor(config, location.origin),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }) });
  manager.events.addUserLoaded((loaded) => { user = loaded; });
  manager.events.addUserUnloaded(() => { user = null; });
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    user = await manager.signinRedirectCallback();
    history.replaceState({}, '', location.pathname + location.hash);
  } else {
    user = await manager.getUser();
  }
  if (user?.expired) {
    user = null;
  }
  return { mode: 'oidc', signedIn: user != null, name: user?.profile.name ?? user?.profile.email ?? undefined };
}

export const signIn = () => manager?.signinRedirect();
export const signOut = () => manager?.signoutRedirect();

/** The Authorization header value for API calls, or null in local mode / when signed out. */
export function bearer(): string | null {
  return user && !user.expired ? `Bearer ${user.access_token}` : null;
}
