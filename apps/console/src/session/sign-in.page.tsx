import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from './session.context';
import { Field } from '../ui/field';
import { FormError } from '../ui/form-error';
import { useSubmit } from '../ui/use-submit';
import { UpgradeRequired } from '../ui/upgrade-required';
import { ApiError } from '../api/api-error';
import { HOME } from '../routes';

/** Paste an admin key or the root key; it goes to the gateway once and is dropped from the page's state on success. */
export const SignInPage = () => {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await signIn(key.trim());
    setKey('');
    navigate(HOME, { replace: true });
  });
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Keyward</h1>
      <form onSubmit={submit} autoComplete="off">
        <Field label="API key" type="password" value={key} onChange={(e) => setKey(e.target.value)} required spellCheck={false} autoFocus hint="An admin key or the root key. It is never stored in your browser." />
        {error instanceof ApiError && error.code === 'PLAN_UPGRADE_REQUIRED' ? (
          <div role="alert">
            <UpgradeRequired />
          </div>
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
