import { useI18n } from '../../i18n/i18n.tsx';
import { Notice } from '../../shared/notice.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { Alert } from '../../ui/index.ts';
import { EmailRequestForm } from './email-request-form.tsx';
import { identityApi } from './identity.api.ts';
import { PasswordSignInForm } from './password-sign-in-form.tsx';
import { useSession } from './session.tsx';

/** Sign-in: with a password, or by a link received by e-mail. */
export function SignInPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t.signIn.title);
  return (
    <div className="auth-page">
      <h1>{t.signIn.title}</h1>
      <p className="lead">{t.signIn.intro}</p>
      <Notice />
      {session?.user && <Alert tone="info">{t.signIn.alreadySignedIn(session.user.displayName)}</Alert>}
      <div className="auth-grid">
        <section className="panel" aria-labelledby="sign-in-password">
          <h2 id="sign-in-password">{t.signIn.passwordHeading}</h2>
          <PasswordSignInForm />
        </section>
        <section className="panel" aria-labelledby="sign-in-link">
          <h2 id="sign-in-link">{t.signIn.linkHeading}</h2>
          <p>{t.signIn.linkIntro}</p>
          <EmailRequestForm send={identityApi.requestMagicLink} submitLabel={t.signIn.linkSubmit} sentMessage={t.signIn.linkSent} />
        </section>
      </div>
    </div>
  );
}
