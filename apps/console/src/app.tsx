import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Shell } from './shell';
import { SessionProvider, useSession } from './session/session.context';
import { SignInPage } from './session/sign-in.page';
import { PlanUpgradePage } from './session/plan-upgrade.page';
import { ApiAccessPage } from './pages/api-access/api-access.page';
import { RolesPage } from './pages/roles/roles.page';
import { ApiKeyUsersPage } from './pages/api-key-users/api-key-users.page';
import { CredentialsPage } from './pages/credentials/credentials.page';
import { AuditPage } from './pages/audit/audit.page';
import { UsagePage } from './pages/usage/usage.page';
import { WebhooksPage } from './pages/webhooks/webhooks.page';
import { WorkspacePage } from './pages/workspace/workspace.page';

import { HOME } from './routes';

const Pages = () => {
  const { principal } = useSession();
  if (principal === undefined) return <p className="loading">Loading…</p>;
  if (principal === null)
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path={HOME} element={<PlanUpgradePage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path={HOME} element={<ApiAccessPage />} />
        <Route path="/settings/usage" element={<UsagePage />} />
        <Route path="/settings/roles" element={<RolesPage />} />
        <Route path="/settings/api-key-users" element={<ApiKeyUsersPage />} />
        <Route path="/settings/credentials" element={<CredentialsPage />} />
        <Route path="/settings/webhooks" element={<WebhooksPage />} />
        <Route path="/settings/audit" element={<AuditPage />} />
        <Route path="/settings/workspace" element={<WorkspacePage />} />
      </Route>
      <Route path="*" element={<Navigate to={HOME} replace />} />
    </Routes>
  );
};

export const App = () => (
  <BrowserRouter>
    <SessionProvider>
      <Pages />
    </SessionProvider>
  </BrowserRouter>
);
