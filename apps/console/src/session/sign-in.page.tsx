import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from './session.context';
import { Field } from '../ui/field';
import { FormError } from '../ui/form-error';
import { useSubmit } from '../ui/use-submit';
import { ApiError } from '../api/api-error';
import { HOME } from '../routes';
import { UPGRADE_REQUIRED_STATE } from './plan-upgrade.page';

/** Sign-in refuses a key that may read no management resource (a data-plane key) with 403. */
const NOT_FOR_CONSOLE = 'This key cannot sign in to the console. Use a key that may read keys, roles, credentials or the audit log, or the root key.';

/** Paste an admin key or the root key; it goes to the gateway once and is dropped from the page's state on success. */
export const SignInPage = () => {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    try {
      await signIn(key.trim());
    } catch (refusal) {
      // The key is valid but its workspace's plan has no API access: the page it would have landed on says so.
      if (!(refusal instanceof ApiError && refusal.code === 'PLAN_UPGRADE_REQUIRED')) throw refusal;
      setKey('');
      return navigate(HOME, { state: UPGRADE_REQUIRED_STATE });
    }
    setKey('');
    navigate(HOME, { replace: true });
  });
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Keyward</h1>
      <form onSubmit={submit} autoComplete="off">
        <Field label="API key" type="password" value={key} onChange={(e) => setKey(e.target.value)} required spellCheck={false} autoFocus hint="An admin key or the root key. It is never stored in your browser." />
        {error instanceof ApiError && error.code === 'FORBIDDEN' ? (
          <p role="alert" className="form-error">
            {NOT_FOR_CONSOLE}
          </p>
        ) : (
          <FormError error={error} />
        )}
        <button type="submit" className="primary" disabled={busy || !key.trim()}>
          Sign in
        </button>
      </form>
    </main>
  );
};
