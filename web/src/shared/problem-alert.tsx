import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert, Button } from '../ui/index.ts';

export type ProblemAlertProps = {
  error: unknown;
  onRetry?: () => void;
  /** Where no form shows the fields (an action in a list), the server's messages are listed here instead. */
  listFieldMessages?: boolean;
};

/** Shows a failed API call: the server's localized title, and a hint when fields are wrong (or their messages). */
export function ProblemAlert({ error, onRetry, listFieldMessages }: ProblemAlertProps) {
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.code === 'network' ? t.common.networkError : problem?.title || t.common.unexpectedError;
  return (
    <Alert tone="error" title={title}>
      {problem?.errors?.length && listFieldMessages ? (
        <ul>
          {[...new Set(problem.errors.map((e) => e.message))].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : problem?.errors?.length ? (
        <p>{t.common.fieldErrorsIntro}</p>
      ) : null}
      {onRetry && (
        <Button variant="secondary" onPress={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </Alert>
  );
}
