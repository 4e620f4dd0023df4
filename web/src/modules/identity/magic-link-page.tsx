import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { destinationAfterSignIn, forgetHash, tokenFromHash } from './destination.ts';
import { identityApi } from './identity.api.ts';
import { useSession } from './session.tsx';

type State = { kind: 'verifying' } | { kind: 'missing' } | { kind: 'failed'; error: unknown };

/** Landing page of an e-mailed sign-in link (`/sign-in/magic#token=…`): signs in, then moves on. */
export function MagicLinkPage() {
  const { t } = useI18n();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ kind: 'verifying' });
  const started = useRef(false);
  usePageTitle(t.magic.title);

  useEffect(() => {
    // A link works once: never send it twice, even when effects run twice in development.
    if (started.current) return;
    started.current = true;
    const token = tokenFromHash(window.location.hash);
    forgetHash();
    if (!token) return setState({ kind: 'missing' });
    identityApi
      .verifyMagicLink(token)
      .then((session) => {
        adopt(session);
        navigate(destinationAfterSignIn(session, null), { replace: true });
      })
      .catch((error: unknown) => setState({ kind: 'failed', error }));
  }, [adopt, navigate]);

  return (
    <div className="auth-page">
      <h1>{t.magic.title}</h1>
      {state.kind === 'verifying' && <Loading label={t.magic.verifying} />}
      {state.kind === 'missing' && <Alert tone="error" title={t.magic.missing} />}
      {state.kind === 'failed' && <ProblemAlert error={state.error} />}
      {state.kind !== 'verifying' && (
        <p>
          <Link href="/sign-in" variant="button">
            {t.magic.requestNew}
          </Link>
        </p>
      )}
    </div>
  );
}
