import { useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { Page, Theme } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, usePageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Checkbox, ConfirmDialog, DataTable, Link, LiveRegion, Loading, Pagination, SelectField } from '../../ui/index.ts';
import { StatusBadge } from './application-status.tsx';
import { AssignmentSection } from './assignment-section.tsx';
import { type Application, type Call, callsHref, callsPaths, pick, type Stage } from './calls.api.ts';
import { CallsFrame, StaffNav } from './calls-frame.tsx';
import { PanelSection } from './panel-section.tsx';
import { RankingSection } from './ranking-section.tsx';

/** The call's applications with their status and stage; the chosen ones move into the selected stage. */
function Applications({
  call,
  slug,
  stages,
  stage,
  version,
  onMoved,
}: {
  call: Call;
  slug: string;
  stages: Stage[];
  stage: Stage;
  version: string;
  onMoved: () => void;
}) {
  const { t, locale } = useI18n();
  const p = t.calls.pipeline;
  const page = usePageParam();
  const list = useApi<Page<Application>>(`${callsPaths.callApplications(slug, call.id, page)}#${version}`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const stageName = (id: string | null) => {
    const s = stages.find((x) => x.id === id);
    return s ? pick(locale, s.nameFr, s.nameEn) : '—';
  };
  const advance = async () => {
    setError(null);
    try {
      const r = await apiRequest<{ moved: number }>(callsPaths.advance(slug, stage.id), {
        method: 'POST',
        body: { applicationIds: chosen },
      });
      setDone(p.moved(r.moved, pick(locale, stage.nameFr, stage.nameEn)));
      setChosen([]);
      onMoved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="applications-heading">
      <h2 id="applications-heading">{p.applicationsHeading(list.data.total)}</h2>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={error} />
      {list.data.items.length === 0 ? (
        <p className="empty">{p.noApplications}</p>
      ) : (
        <DataTable
          caption={p.applicationsCaption}
          rowKey={(a) => a.id}
          rows={list.data.items}
          columns={[
            {
              id: 'org',
              header: p.organization,
              isRowHeader: true,
              cell: (a) => <Link href={callsHref.staffApplication(slug, call.slug, a.id)}>{a.organization.name}</Link>,
            },
            { id: 'status', header: p.status, cell: (a) => <StatusBadge status={a.status} /> },
            { id: 'revision', header: p.revision, cell: (a) => String(a.revision) },
            { id: 'stage', header: p.stage, cell: (a) => stageName(a.stageId) },
            {
              id: 'pick',
              header: p.choose,
              cell: (a) => (
                <Checkbox
                  isSelected={chosen.includes(a.id)}
                  onChange={(on) => setChosen((c) => (on ? [...c, a.id] : c.filter((x) => x !== a.id)))}
                >
                  <span className="sr-only">{p.chooseFor(a.organization.name)}</span>
                </Checkbox>
              ),
            },
          ]}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(list.data.total / list.data.pageSize)}
        hrefFor={(n) => `${callsHref.staffApplications(slug, call.slug)}${n > 1 ? `?page=${n}` : ''}`}
        labels={pageLabels(t)}
      />
      <Button variant="secondary" isDisabled={chosen.length === 0} onPress={advance}>
        {p.advance(chosen.length, pick(locale, stage.nameFr, stage.nameEn))}
      </Button>
    </section>
  );
}

function Laureates({ call, slug }: { call: Call; slug: string }) {
  const { t } = useI18n();
  const p = t.calls.pipeline;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(call.laureatesPublishedAt ? p.laureatesPublished : null);
  return (
    <section aria-labelledby="laureates-heading" className="panel">
      <h2 id="laureates-heading">{p.laureatesHeading}</h2>
      <p>{p.laureatesIntro}</p>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={error} />
      <ConfirmDialog
        closeFirst
        danger={false}
        triggerVariant="primary"
        trigger={p.publishLaureates}
        title={p.publishTitle}
        confirmLabel={p.publishLaureates}
        cancelLabel={t.calls.cancel}
        onConfirm={async () => {
          setError(null);
          try {
            const pub = await apiRequest<{ laureates: unknown[] }>(callsPaths.publishLaureates(slug, call.id), { method: 'POST' });
            setDone(p.laureatesCount(pub.laureates.length));
          } catch (e) {
            setError(e);
          }
        }}
      >
        <p>{p.publishBody}</p>
      </ConfirmDialog>
    </section>
  );
}

function Pipeline({ call, slug, themes }: { call: Call; slug: string; themes: Theme[] }) {
  const { t, locale } = useI18n();
  const stages = useApi<{ items: Stage[] }>(callsPaths.stages(slug, call.id));
  const [stageId, setStageId] = useState<string | null>(null);
  const [edited, setEdited] = useState<Stage | null>(null);
  const [version, setVersion] = useState(0);
  // Decisions change the applications' status, not the stage's assignment or ranking: only the list reloads.
  const [decisions, setDecisions] = useState(0);
  if (stages.status === 'loading') return <Loading label={t.common.loading} />;
  if (stages.status === 'error') return <ProblemAlert error={stages.error} onRetry={stages.reload} />;
  const items = stages.data.items.map((s) => (edited && s.id === edited.id ? edited : s));
  const stage = items.find((s) => s.id === stageId) ?? items[0];
  if (!stage) return <p className="empty">{t.calls.pipeline.noStages}</p>;
  const bump = () => setVersion((v) => v + 1);
  return (
    <>
      <SelectField
        label={t.calls.pipeline.stagePicker}
        value={stage.id}
        onChange={setStageId}
        options={items.map((s) => ({
          id: s.id,
          label: t.calls.pipeline.stageOption(s.position, pick(locale, s.nameFr, s.nameEn), s.applicationCount),
        }))}
      />
      <Applications call={call} slug={slug} stages={items} stage={stage} version={`${version}:${decisions}`} onMoved={bump} />
      <PanelSection key={`panel:${stage.id}`} stage={stage} slug={slug} themes={themes} onChange={setEdited} />
      <AssignmentSection key={`assign:${stage.id}:${version}`} stage={stage} slug={slug} />
      <RankingSection
        key={`rank:${stage.id}:${version}`}
        stage={stage}
        slug={slug}
        programmeId={call.programmeId}
        onDecided={() => setDecisions((n) => n + 1)}
      />
      <Laureates call={call} slug={slug} />
    </>
  );
}

/** The staff's pipeline of a call, stage by stage: applications, panel, assignment, ranking, decisions, laureates. */
export function PipelinePage() {
  const { t, locale } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const callRef = params.call ?? '';
  const detail = useApi<Call>(callsPaths.manage(slug, callRef));
  const title = detail.status === 'ok' ? pick(locale, detail.data.titleFr, detail.data.titleEn) : null;
  return (
    <CallsFrame
      heading={title ? t.calls.pipeline.heading(title) : null}
      access="staff"
      back={{ href: callsHref.staff(slug), label: t.calls.staff.back }}
      nav={<StaffNav slug={slug} call={title ? { ref: callRef, title } : undefined} />}
    >
      {(territory) =>
        detail.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : detail.status === 'error' ? (
          <ProblemAlert error={detail.error} />
        ) : (
          <Pipeline call={detail.data} slug={slug} themes={territory.themes} />
        )
      }
    </CallsFrame>
  );
}
