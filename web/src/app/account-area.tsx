import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../modules/identity/index.ts';
import { noticeState } from '../shared/notice.tsx';
import { Button, Link } from '../ui/index.ts';

/** The sign-in link, or the signed-in person's name and the sign-out button. */
export function AccountArea() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return <div className="account" />;
  if (!session.user) {
    return (
      <div className="account">
        <Link href="/sign-in" variant="button" className="account-sign-in">
          {t.account.signIn}
        </Link>
      </div>
    );
  }
  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    navigate('/', { state: noticeState('signedOut') });
  };
  return (
    <div className="account">
      <p className="account-name">
        <span className="sr-only">{t.account.signedInAs(session.user.displayName)}</span>
        <span aria-hidden="true">{session.user.displayName}</span>
      </p>
      <Button variant="quiet" onPress={onSignOut}>
        {t.account.signOut}
      </Button>
    </div>
  );
}
