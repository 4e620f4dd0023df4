import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/index.ts';

/** A refusal with its explanation: the title, the server's detail and each reason (an infeasible assignment says why). */
export function ProblemDetails({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : null;
  const title = p?.code === 'network' ? t.common.networkError : p?.title || t.common.unexpectedError;
  const reasons = (p?.errors ?? []).map((e) => e.message).filter((m) => m && m !== p?.detail);
  return (
    <Alert tone="error" title={title}>
      {p?.detail && <p>{p.detail}</p>}
      {reasons.length > 0 && (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
