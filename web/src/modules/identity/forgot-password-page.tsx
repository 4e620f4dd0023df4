import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { Link } from '../../ui/index.ts';
import { EmailRequestForm } from './email-request-form.tsx';
import { identityApi } from './identity.api.ts';

/** Asks for a password-reset link. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t.forgot.title);
  return (
    <div className="auth-page auth-narrow">
      <h1>{t.forgot.title}</h1>
      <p className="lead">{t.forgot.intro}</p>
      <div className="panel">
        <EmailRequestForm send={identityApi.requestPasswordReset} submitLabel={t.forgot.submit} sentMessage={t.forgot.sent} />
      </div>
      <p className="after-panel">
        <Link href="/sign-in">{t.forgot.backToSignIn}</Link>
      </p>
    </div>
  );
}
