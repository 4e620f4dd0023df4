import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { noticeState } from '../../shared/notice.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Link, TextField } from '../../ui/index.ts';
import { forgetHash, tokenFromHash } from './destination.ts';
import { errorsOf, useFormState } from './form-state.ts';
import { identityApi } from './identity.api.ts';

/** Reads the token of the reset link once, then removes it from the address bar. */
function useLinkToken(): string | null {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    if (token) forgetHash();
  }, [token]);
  return token;
}

/** Landing page of a password-reset link (`/reset-password#token=…`): choose a new password. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  usePageTitle(t.reset.title);
  const form = useFormState(() =>
    errorsOf({
      password: !password ? t.fieldErrors.required : password.length < 10 ? t.fieldErrors.passwordTooShort : undefined,
      confirm: !confirm ? t.fieldErrors.required : confirm !== password ? t.fieldErrors.passwordMismatch : undefined,
    }),
  );
  const onSubmit = form.submit(async () => {
    await identityApi.confirmPasswordReset(token ?? '', password);
    navigate('/sign-in', { replace: true, state: noticeState('passwordChanged') });
  });

  if (!token) {
    return (
      <div className="auth-page auth-narrow">
        <h1>{t.reset.title}</h1>
        <Alert tone="error" title={t.reset.missing} />
        <Link href="/forgot-password" variant="button">
          {t.reset.requestNew}
        </Link>
      </div>
    );
  }
  return (
    <div className="auth-page auth-narrow">
      <h1>{t.reset.title}</h1>
      <p className="lead">{t.reset.intro}</p>
      <div className="panel">
        <form ref={form.formRef} onSubmit={onSubmit} noValidate>
          <p className="form-hint">{t.common.requiredHint}</p>
          <ProblemAlert error={form.problem} />
          <TextField
            label={t.reset.password}
            description={t.reset.passwordHint}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            errorMessage={form.fieldErrors.password}
            isRequired
          />
          <TextField
            label={t.reset.confirm}
            name="confirm"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            errorMessage={form.fieldErrors.confirm}
            isRequired
          />
          <div className="form-actions">
            <Button type="submit" isDisabled={form.pending}>
              {t.reset.submit}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
