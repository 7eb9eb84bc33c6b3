import { Link, Navigate, useLocation } from 'react-router';
import { UpgradeRequired } from '../ui/upgrade-required';

/** History state the sign-in leaves when it was refused with 402 (not the URL: a link to the page lands on sign-in). */
export const UPGRADE_REQUIRED_STATE = { upgradeRequired: true } as const;

const cameFromRefusedSignIn = (state: unknown): boolean => typeof state === 'object' && state !== null && 'upgradeRequired' in state && state.upgradeRequired === true;

/**
 * `/settings/api-access` without a session, right after a sign-in refused because the workspace's
 * plan has no API access (product.md 7): the page the key would have opened, saying why it cannot.
 * Reached any other way, it is the sign-in.
 */
export const PlanUpgradePage = () => {
  const { state } = useLocation();
  if (!cameFromRefusedSignIn(state)) return <Navigate to="/sign-in" replace />;
  return (
    <main id="main" className="sign-in">
      <h1>API access</h1>
      <UpgradeRequired />
      <p>
        <Link to="/sign-in">Sign in with another key</Link>
      </p>
    </main>
  );
};
