import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Link } from '../../ui/index.ts';
import { trainingsPaths } from './trainings.api.ts';

/** The link e-mailed with a booking confirmation: one button to tell the place the person has arrived. */
export function CheckInPage() {
  const { t } = useI18n();
  const c = t.places.checkIn;
  const token = useParams().token ?? '';
  usePageTitle(c.heading);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const checkIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiRequest(trainingsPaths.checkIn(token), { method: 'POST' });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setTimeout(() => status.current?.focus(), 0);
    }
  };
  return (
    <div className="places">
      <h1>{c.heading}</h1>
      <p className="lead">{c.intro}</p>
      <div ref={status} tabIndex={-1} role="status" className="focus-target">
        {done && <Alert tone="success" announce={false} title={c.done} />}
        <ProblemAlert error={error} />
      </div>
      {!done && (
        <Button isDisabled={busy} onPress={checkIn}>
          {c.button}
        </Button>
      )}
      <p>
        <Link href="/">{c.home}</Link>
      </p>
    </div>
  );
}
