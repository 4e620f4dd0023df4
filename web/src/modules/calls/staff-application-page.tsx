import { useParams } from 'react-router';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Loading } from '../../ui/index.ts';
import { AnswersView, Revisions } from './answers-view.tsx';
import { ApplicationStatus } from './application-status.tsx';
import { type Application, type Call, callsHref, callsPaths, pick } from './calls.api.ts';
import { CallsFrame, StaffNav } from './calls-frame.tsx';

/** An application as staff read it before deciding: status, screening reasons, answers and files, revisions. */
export function StaffApplicationPage() {
  const { t, locale } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const callRef = params.call ?? '';
  const call = useApi<Call>(callsPaths.manage(slug, callRef));
  const application = useApi<Application>(callsPaths.application(slug, params.applicationId ?? ''));
  const title = call.status === 'ok' ? pick(locale, call.data.titleFr, call.data.titleEn) : null;
  const heading = application.status === 'ok' ? application.data.organization.name : null;
  return (
    <CallsFrame
      heading={heading}
      access="staff"
      back={{ href: callsHref.staffApplications(slug, callRef), label: t.calls.pipeline.backToPipeline }}
      nav={<StaffNav slug={slug} call={title ? { ref: callRef, title } : undefined} />}
    >
      {() =>
        call.status === 'error' ? (
          <ProblemAlert error={call.error} />
        ) : application.status === 'error' ? (
          <ProblemAlert error={application.error} />
        ) : call.status === 'loading' || application.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : (
          <>
            <ApplicationStatus application={application.data} />
            <h2>{t.calls.pipeline.answers}</h2>
            <AnswersView call={{ ...call.data, laureates: [] }} answers={application.data.answers} slug={slug} />
            {application.data.revision > 0 && (
              <Revisions
                call={{ ...call.data, laureates: [] }}
                applicationId={application.data.id}
                slug={slug}
                version={application.data.revision}
              />
            )}
          </>
        )
      }
    </CallsFrame>
  );
}
