import { useI18n } from '../../i18n/i18n.tsx';
import type { Application } from './calls.api.ts';

/** The application's status as a badge, with the status named in words. */
export function StatusBadge({ status }: { status: Application['status'] }) {
  const { t } = useI18n();
  return <span className={`badge application-${status}`}>{t.calls.statuses[status]}</span>;
}

/**
 * Where the application stands: its status, its revision, why the screening found it ineligible,
 * and the decision's reason once staff have decided.
 */
export function ApplicationStatus({ application: a }: { application: Application }) {
  const { t } = useI18n();
  const m = t.calls.mine;
  const inReview = a.status === 'submitted' && a.stageId !== null;
  return (
    <div className="panel application-status">
      <p>
        <strong>{m.status}</strong> <StatusBadge status={a.status} />
        {inReview && <span className="badge">{m.inReview}</span>}
      </p>
      {a.revision > 0 && <p>{m.revision(a.revision)}</p>}
      {a.status === 'ineligible' && a.ineligibility.length > 0 && (
        <>
          <p>{m.ineligibleIntro}</p>
          <ul>
            {a.ineligibility.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
      {a.decisionReason && (
        <p>
          <strong>{m.decisionReason}</strong> {a.decisionReason}
        </p>
      )}
    </div>
  );
}
