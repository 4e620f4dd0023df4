import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Link, TextField } from '../../ui/index.ts';
import { destinationAfterSignIn } from './destination.ts';
import { checkEmail, errorsOf, useFormState } from './form-state.ts';
import { identityApi } from './identity.api.ts';
import { useSession } from './session.tsx';

/** E-mail and password; on success, the session is adopted and the person taken onwards. */
export function PasswordSignInForm() {
  const { t } = useI18n();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormState(() => errorsOf({ email: checkEmail(email, t), password: password ? undefined : t.fieldErrors.required }));

  const onSubmit = form.submit(async () => {
    const session = await identityApi.signIn(email.trim(), password);
    adopt(session);
    navigate(destinationAfterSignIn(session, params.get('next')), { replace: true });
  });

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-describedby="password-form-hint">
      <p id="password-form-hint" className="form-hint">
        {t.common.requiredHint}
      </p>
      <ProblemAlert error={form.problem} />
      <TextField
        label={t.signIn.email}
        description={t.signIn.emailHint}
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        errorMessage={form.fieldErrors.email}
        isRequired
      />
      <TextField
        label={t.signIn.password}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        errorMessage={form.fieldErrors.password}
        isRequired
      />
      <div className="form-actions">
        <Button type="submit" isDisabled={form.pending}>
          {form.pending ? t.signIn.submitting : t.signIn.submit}
        </Button>
        <Link href="/forgot-password">{t.signIn.forgot}</Link>
      </div>
    </form>
  );
}
