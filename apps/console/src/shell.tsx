import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession, usePrincipal } from './session/session.context';
import { messageOf } from './api/api-error';

const NAV = [
  { to: '/settings/api-access', label: 'API access' },
  { to: '/settings/usage', label: 'Usage' },
  { to: '/settings/roles', label: 'Roles' },
  { to: '/settings/api-key-users', label: 'API key users' },
  { to: '/settings/credentials', label: 'Credentials' },
  { to: '/settings/webhooks', label: 'Webhooks' },
  { to: '/settings/audit', label: 'Audit' },
  { to: '/settings/workspace', label: 'Workspace' },
] as const;

/** The signed-in frame: a skip link, the navigation, who is signed in, sign-out, and the page. */
export const Shell = () => {
  const { signOut } = useSession();
  const principal = usePrincipal();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Keyward</span>
        <span className="who">{principal.root ? 'Root key' : `Key ${principal.keyId ?? ''}`}</span>
        <button type="button" onClick={() => signOut().catch((e: unknown) => setError(messageOf(e)))}>
          Sign out
        </button>
      </header>
      {error && <p role="alert" className="form-error">{error}</p>}
      <nav aria-label="Settings">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
};
