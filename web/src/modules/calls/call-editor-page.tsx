import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, LiveRegion, Loading } from '../../ui/index.ts';
import { type CallDraft, CallFields } from './call-fields.tsx';
import { CallStatusActions } from './call-status-actions.tsx';
import { type Call, callsHref, callsPaths, pick } from './calls.api.ts';
import { CallsFrame, StaffNav } from './calls-frame.tsx';
import { FormBuilder } from './form-builder.tsx';
import { StagesEditor } from './stages-editor.tsx';

const emptyDraft: CallDraft = {
  slug: '',
  titleFr: '',
  titleEn: '',
  descriptionFr: '',
  descriptionEn: '',
  themes: [],
  eligibility: { organizationKinds: [], inTerritory: false, maxCompanyAgeYears: null, minMatchingThemes: 0 },
  intake: 'continuous',
  opensLocal: '',
  closesLocal: '',
  documents: [],
};

const draftOf = (c: Call): CallDraft => ({
  slug: c.slug,
  titleFr: c.titleFr,
  titleEn: c.titleEn,
  descriptionFr: c.descriptionFr,
  descriptionEn: c.descriptionEn,
  themes: c.themes.map((th) => th.slug),
  eligibility: c.eligibility,
  intake: c.intake,
  opensLocal: c.opensLocal ?? '',
  closesLocal: c.closesLocal ?? '',
  documents: c.documents,
});

/** The request body: the window's date-times only for a window, null otherwise. */
function bodyOf(d: CallDraft, isNew: boolean) {
  const { slug, opensLocal, closesLocal, ...rest } = d;
  const window =
    d.intake === 'window' ? { opensLocal: opensLocal || null, closesLocal: closesLocal || null } : { opensLocal: null, closesLocal: null };
  return { ...(isNew ? { slug } : {}), ...rest, ...window };
}

function Editor({ call, territory, onSaved }: { call: Call | null; territory: TerritoryDetail; onSaved: (c: Call) => void }) {
  const { t } = useI18n();
  const e = t.calls.editor;
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CallDraft>(call ? draftOf(call) : emptyDraft);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const saved = call
        ? await apiRequest<Call>(callsPaths.call(territory.slug, call.id), { method: 'PATCH', body: bodyOf(draft, false) })
        : await apiRequest<Call>(callsPaths.create(territory.slug), { method: 'POST', body: bodyOf(draft, true) });
      if (!call) return navigate(callsHref.staffCall(territory.slug, saved.slug), { state: { created: true } });
      setDone(e.saved);
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="call-editor"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        save();
      }}
    >
      <ProblemAlert error={error} />
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <CallFields draft={draft} onChange={setDraft} territory={territory} errors={fieldProblems(error)} isNew={!call} />
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {call ? e.save : e.create}
        </Button>
      </div>
    </form>
  );
}

function Existing({ territory, callRef }: { territory: TerritoryDetail; callRef: string }) {
  const { t } = useI18n();
  const detail = useApi<Call>(callsPaths.manage(territory.slug, callRef));
  const [call, setCall] = useState<Call | null>(null);
  if (detail.status === 'loading') return <Loading label={t.common.loading} />;
  if (detail.status === 'error') return <ProblemAlert error={detail.error} />;
  const current = call && call.id === detail.data.id ? call : detail.data;
  return (
    <>
      <CallStatusActions call={current} slug={territory.slug} onChange={setCall} />
      <Editor key={current.id} call={current} territory={territory} onSaved={setCall} />
      <FormBuilder call={current} slug={territory.slug} onSaved={setCall} />
      <StagesEditor call={current} slug={territory.slug} />
    </>
  );
}

/** The staff's call editor: a new call, or an existing one with its status, fields and form. */
export function CallEditorPage() {
  const { t, locale } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const callRef = params.call;
  const detail = useApi<Call>(callRef ? callsPaths.manage(slug, callRef) : null);
  const title = detail.status === 'ok' && callRef ? pick(locale, detail.data.titleFr, detail.data.titleEn) : null;
  const heading = callRef ? title : t.calls.editor.newHeading;
  return (
    <CallsFrame
      heading={heading}
      access="staff"
      back={{ href: callsHref.staff(slug), label: t.calls.staff.back }}
      nav={<StaffNav slug={slug} call={callRef && title ? { ref: callRef, title } : undefined} />}
    >
      {(territory) =>
        callRef ? (
          <Existing territory={territory} callRef={callRef} />
        ) : (
          <Editor call={null} territory={territory} onSaved={() => undefined} />
        )
      }
    </CallsFrame>
  );
}
