import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, ConfirmDialog, DataTable, LiveRegion, Loading } from '../../ui/index.ts';
import { type Assignment, callsPaths, type Stage } from './calls.api.ts';
import { ProblemDetails } from './problem-details.tsx';

type Pair = { applicationId: string; reviewerId: string; rule: 'pin' | 'forbid'; organizationName: string; reviewerName: string };
type Result = { items: Assignment[]; objective: number };

/**
 * The stage's assignment: run it (it replaces the unstarted assignments, keeps started reviews and
 * pins), its result or why no assignment fits, and pins or forbidden pairs for the next run.
 */
export function AssignmentSection({ stage, slug }: { stage: Stage; slug: string }) {
  const { t } = useI18n();
  const p = t.calls.pipeline;
  const current = useApi<Result>(callsPaths.assignment(slug, stage.id));
  const [result, setResult] = useState<Result | null>(null);
  const stored = useApi<{ items: Pair[] }>(callsPaths.pairs(slug, stage.id));
  const [changed, setPairs] = useState<Pair[] | null>(null);
  const pairs = changed ?? (stored.status === 'ok' ? stored.data.items : null);
  const [runError, setRunError] = useState<unknown>(null);
  const [pairError, setPairError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = result ?? (current.status === 'ok' ? current.data : null);
  const run = async () => {
    setRunError(null);
    setDone(null);
    try {
      const r = await apiRequest<Result>(callsPaths.assignment(slug, stage.id), { method: 'POST' });
      setResult(r);
      setDone(p.assigned(r.items.length));
    } catch (e) {
      setRunError(e);
    }
  };
  const pair = async (a: Pick<Assignment, 'applicationId' | 'reviewerId'>, rule: Pair['rule'] | null) => {
    setPairError(null);
    try {
      const res = rule
        ? await apiRequest<{ items: Pair[] }>(callsPaths.pairs(slug, stage.id), {
            method: 'POST',
            body: { applicationId: a.applicationId, reviewerId: a.reviewerId, rule },
          })
        : await apiRequest<{ items: Pair[] }>(callsPaths.pair(slug, stage.id, a.applicationId, a.reviewerId), { method: 'DELETE' });
      setPairs(res.items);
    } catch (e) {
      setPairError(e);
    }
  };
  // Forbidden pairs are never assigned, so they are listed apart, each with its way back.
  const forbidden = (pairs ?? []).filter((x) => x.rule === 'forbid');
  const ruleOf = (a: Assignment) => pairs?.find((x) => x.applicationId === a.applicationId && x.reviewerId === a.reviewerId)?.rule;
  return (
    <section aria-labelledby="assignment-heading" className="panel">
      <h2 id="assignment-heading">{p.assignmentHeading}</h2>
      <p>{p.assignmentIntro}</p>
      <ConfirmDialog
        closeFirst
        danger={false}
        triggerVariant="primary"
        trigger={p.runAssignment}
        title={p.runTitle}
        confirmLabel={p.runAssignment}
        cancelLabel={t.calls.cancel}
        onConfirm={run}
      >
        <p>{p.runBody}</p>
      </ConfirmDialog>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemDetails error={runError} />
      <ProblemAlert error={pairError} />
      {current.status === 'loading' && <Loading label={t.common.loading} />}
      {shown && shown.items.length === 0 && <p className="empty">{p.noAssignment}</p>}
      {shown && shown.items.length > 0 && (
        <>
          <p>{p.objective(shown.objective)}</p>
          <DataTable
            caption={p.assignmentCaption}
            rowKey={(a) => a.reviewId}
            rows={shown.items}
            columns={[
              { id: 'org', header: p.organization, isRowHeader: true, cell: (a) => a.organizationName },
              { id: 'reviewer', header: p.reviewer, cell: (a) => a.reviewerName },
              { id: 'status', header: p.reviewStatus, cell: (a) => t.calls.reviews.statuses[a.status] ?? a.status },
              { id: 'affinity', header: p.affinity, cell: (a) => String(a.affinity) },
              {
                id: 'pair',
                header: p.pairs,
                cell: (a) => {
                  const rule = ruleOf(a);
                  const who = `${a.organizationName} – ${a.reviewerName}`;
                  return rule ? (
                    <Button variant="quiet" onPress={() => pair(a, null)} aria-label={p.unpairFor(rule, who)}>
                      {p.unpair(rule)}
                    </Button>
                  ) : (
                    <span className="actions-row compact">
                      <Button variant="quiet" onPress={() => pair(a, 'pin')} aria-label={p.pinFor(who)}>
                        {p.pin}
                      </Button>
                      <Button variant="quiet" onPress={() => pair(a, 'forbid')} aria-label={p.forbidFor(who)}>
                        {p.forbid}
                      </Button>
                    </span>
                  );
                },
              },
            ]}
          />
        </>
      )}
      {forbidden.length > 0 && (
        <>
          <h3>{p.forbiddenHeading}</h3>
          <ul className="plain-list">
            {forbidden.map((x) => {
              const who = `${x.organizationName} – ${x.reviewerName}`;
              return (
                <li key={`${x.applicationId}:${x.reviewerId}`} className="actions-row compact">
                  <span>{who}</span>
                  <Button variant="quiet" onPress={() => pair(x, null)} aria-label={p.unpairFor('forbid', who)}>
                    {p.unpair('forbid')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
