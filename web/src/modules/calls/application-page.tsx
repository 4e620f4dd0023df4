import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, ConfirmDialog, LiveRegion, Loading } from '../../ui/index.ts';
import { AnswersView, Revisions } from './answers-view.tsx';
import { ApplicationForm } from './application-form.tsx';
import { ApplicationStatus } from './application-status.tsx';
import { type Application, callsHref, callsPaths, type PublicCall, pick } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';

const editable = (a: Application, call: PublicCall) => call.isOpen && ['draft', 'submitted', 'ineligible'].includes(a.status);

function Withdraw({ application, slug, onDone }: { application: Application; slug: string; onDone: (a: Application) => void }) {
  const { t } = useI18n();
  const m = t.calls.mine;
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="withdraw-heading" className="panel">
      <h2 id="withdraw-heading">{m.withdrawHeading}</h2>
      <p>{m.withdrawIntro}</p>
      <ProblemAlert error={error} />
      <ConfirmDialog
        closeFirst
        danger
        triggerVariant="secondary"
        trigger={m.withdraw}
        title={m.withdrawTitle}
        confirmLabel={m.withdraw}
        cancelLabel={t.calls.cancel}
        onConfirm={async () => {
          try {
            onDone(await apiRequest<Application>(callsPaths.withdraw(slug, application.id), { method: 'POST' }));
          } catch (e) {
            setError(e);
          }
        }}
      >
        <p>{m.withdrawBody}</p>
      </ConfirmDialog>
    </section>
  );
}

function ApplicationDetails({ initial, call, slug }: { initial: Application; call: PublicCall; slug: string }) {
  const { t, locale } = useI18n();
  const [a, setA] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setA(initial), [initial]);
  const canEdit = editable(a, call);
  return (
    <>
      <p className="lead">{t.calls.mine.forOrganization(a.organization.name, pick(locale, call.titleFr, call.titleEn))}</p>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ApplicationStatus application={a} />
      {canEdit ? (
        <ApplicationForm
          key={`${a.id}:${a.revision}`}
          call={call}
          application={a}
          slug={slug}
          onAttempt={() => setDone(null)}
          onSaved={(saved, message) => {
            setA(saved);
            setDone(message);
          }}
        />
      ) : (
        <>
          {!call.isOpen && ['draft', 'submitted', 'ineligible'].includes(a.status) && <p>{t.calls.mine.closedNotice}</p>}
          <AnswersView call={call} answers={a.answers} slug={slug} />
        </>
      )}
      {a.revision > 0 && <Revisions call={call} applicationId={a.id} slug={slug} version={a.revision} />}
      {canEdit && (
        <Withdraw
          application={a}
          slug={slug}
          onDone={(withdrawn) => {
            setA(withdrawn);
            setDone(t.calls.mine.withdrawn);
          }}
        />
      )}
    </>
  );
}

/** One of the person's applications: its status, its form while it may change, its revisions, withdrawal. */
export function ApplicationPage() {
  const { t } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const application = useApi<Application>(callsPaths.application(slug, params.applicationId ?? ''));
  const callRef = application.status === 'ok' ? application.data.callSlug : null;
  const call = useApi<PublicCall>(callRef ? callsPaths.call(slug, callRef) : null);
  const heading = call.status === 'ok' && callRef ? t.calls.mine.applicationHeading : null;
  return (
    <CallsFrame heading={heading} access="signed_in" back={{ href: callsHref.mine(slug), label: t.calls.mine.back }}>
      {() =>
        application.status === 'error' ? (
          <ProblemAlert error={application.error} />
        ) : call.status === 'error' ? (
          <ProblemAlert error={call.error} />
        ) : application.status === 'loading' || call.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : (
          <ApplicationDetails initial={application.data} call={call.data} slug={slug} />
        )
      }
    </CallsFrame>
  );
}
