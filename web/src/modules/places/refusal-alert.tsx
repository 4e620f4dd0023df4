import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/index.ts';
import type { Resource } from './places.api.ts';

export type RefusalAlertProps = { error: ApiError; resource: Resource; signedIn: boolean; commune: string | null };

/**
 * A booking refused because the person is not among the resource's audiences (403): the server's
 * title, then who the resource is for and the way in that applies (signing in, giving a commune).
 */
export function RefusalAlert({ error, resource, signedIn, commune }: RefusalAlertProps) {
  const { t } = useI18n();
  const r = t.places.refused;
  const audiences = resource.access.filter((a) => a !== 'staff').map((a) => t.places.audiences[a] ?? a);
  return (
    <Alert tone="error" title={error.problem.title}>
      {audiences.length > 0 && <p>{r.audiences(audiences.join(', '))}</p>}
      {!signedIn && resource.access.includes('member') && <p>{r.signIn}</p>}
      {resource.access.includes('resident') && !commune && <p>{r.resident}</p>}
    </Alert>
  );
}

/** Whether an error is the server's refusal of the booker (not of the slot or the rules). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.problem.code === 'booking_not_allowed';
}
