import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { ConfirmDialog, Link } from '../../ui/index.ts';
import { type Call, callsHref, callsPaths } from './calls.api.ts';

type Move = { to: Call['status']; label: string; title: string; body: string; danger?: boolean };

/** The status moves the server allows from each status (draft → published → closed → archived; closed may reopen). */
function movesFrom(status: Call['status'], s: ReturnType<typeof useI18n>['t']['calls']['editor']['moves']): Move[] {
  switch (status) {
    case 'draft':
      return [{ to: 'published', ...s.publish }];
    case 'published':
      return [{ to: 'closed', ...s.close, danger: true }];
    case 'closed':
      return [
        { to: 'published', ...s.reopen },
        { to: 'archived', ...s.archive, danger: true },
      ];
    default:
      return [];
  }
}

/** The call's status, the moves it allows (each after a confirmation) and the way to the public page and the pipeline. */
export function CallStatusActions({ call, slug, onChange }: { call: Call; slug: string; onChange: (c: Call) => void }) {
  const { t } = useI18n();
  const e = t.calls.editor;
  const [error, setError] = useState<unknown>(null);
  const move = async (to: Call['status']) => {
    setError(null);
    try {
      onChange(await apiRequest<Call>(callsPaths.status(slug, call.id), { method: 'POST', body: { status: to } }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="call-status" className="panel">
      <h2 id="call-status">{e.statusHeading}</h2>
      <p>
        {e.statusNow} <span className="badge">{e.callStatuses[call.status]}</span> {e.applications(call.applicationCount)}
      </p>
      {call.formLocked && <p className="muted">{e.formLocked}</p>}
      <ProblemAlert error={error} />
      <div className="actions-row">
        {movesFrom(call.status, e.moves).map((m) => (
          <ConfirmDialog
            closeFirst
            key={m.to}
            trigger={m.label}
            triggerVariant={m.danger ? 'secondary' : 'primary'}
            danger={m.danger === true}
            title={m.title}
            confirmLabel={m.label}
            cancelLabel={t.calls.cancel}
            onConfirm={() => move(m.to)}
          >
            <p>{m.body}</p>
          </ConfirmDialog>
        ))}
        {call.status !== 'draft' && <Link href={callsHref.call(slug, call.slug)}>{e.publicPage}</Link>}
        <Link href={callsHref.staffApplications(slug, call.slug)}>{e.pipeline}</Link>
      </div>
    </section>
  );
}
