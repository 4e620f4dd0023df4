import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, apiRequest, type FieldProblem, fieldProblems } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Link, LiveRegion, Loading } from '../../ui/index.ts';
import { CohortsSection } from './cohorts-section.tsx';
import { bodyOf, draftOf, emptyProgramme, ProgrammeFields } from './programme-fields.tsx';
import { type Programme, pick, programmesHref, programmesPaths } from './programmes.api.ts';
import { ProgrammesFrame } from './programmes-frame.tsx';

/**
 * The server's refusals by field. Two conflicts belong to a field too: the identifier already taken,
 * and a cap below the companies already accompanied (the database's cap trigger).
 */
function problemsOf(error: unknown, messages: { slugTaken: string; capBelowActive: string }): Record<string, FieldProblem> {
  const errors = fieldProblems(error);
  const code = error instanceof ApiError ? error.problem.code : null;
  if (code === 'programme_slug_taken') errors.slug = { path: 'body.slug', code, message: messages.slugTaken };
  if (code === 'programme_full') errors.cap = { path: 'body.cap', code, message: messages.capBelowActive };
  return errors;
}

type EditorProps = { programme: Programme | null; territory: TerritoryDetail; onSaved: (p: Programme) => void };

function Editor({ programme, territory, onSaved }: EditorProps) {
  const { t } = useI18n();
  const e = t.programmes.editor;
  const navigate = useNavigate();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [draft, setDraft] = useState(programme ? draftOf(programme) : emptyProgramme);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Said once the page of the new programme is drawn, inside a live region that is already there.
  // The mark is then dropped, so that reloading the page does not say it again.
  useEffect(() => {
    if (!created) return;
    setDone(e.created);
    void navigate(location.pathname, { replace: true, state: null });
  }, [created, e.created, navigate, location.pathname]);
  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const saved = programme
        ? await apiRequest<Programme>(programmesPaths.programme(territory.slug, programme.id), {
            method: 'PATCH',
            body: bodyOf(draft, false),
          })
        : await apiRequest<Programme>(programmesPaths.programmes(territory.slug), { method: 'POST', body: bodyOf(draft, true) });
      if (!programme) {
        void navigate(programmesHref.edit(territory.slug, saved.id), { state: { created: true } });
        return;
      }
      setDraft(draftOf(saved));
      setDone(e.saved);
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = problemsOf(error, { slugTaken: e.slugTaken, capBelowActive: e.capBelowActive(programme?.counts.active ?? 0) });
  return (
    <form
      className="programme-editor"
      noValidate
      aria-label={programme ? e.editHeading : e.newHeading}
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      <ProblemAlert error={error} />
      <LiveRegion>
        {done && (
          <Alert tone="success" announce={false} title={done}>
            {programme && <Link href={programmesHref.board(territory.slug, programme.id)}>{e.toBoard}</Link>}
          </Alert>
        )}
      </LiveRegion>
      <ProgrammeFields draft={draft} onChange={setDraft} territory={territory} errors={errors} isNew={!programme} />
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {programme ? e.save : e.create}
        </Button>
      </div>
    </form>
  );
}

function Existing({ territory, programmeId }: { territory: TerritoryDetail; programmeId: string }) {
  const { t, locale } = useI18n();
  const detail = useApi<Programme>(programmesPaths.programme(territory.slug, programmeId));
  const [changed, setChanged] = useState<Programme | null>(null);
  if (detail.status === 'loading') return <Loading label={t.common.loading} />;
  if (detail.status === 'error') return <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  const current = changed && changed.id === detail.data.id ? changed : detail.data;
  return (
    <>
      <p className="lead">{pick(locale, current.nameFr, current.nameEn)}</p>
      <Editor key={current.id} programme={current} territory={territory} onSaved={setChanged} />
      <CohortsSection slug={territory.slug} programme={current} onChange={setChanged} />
    </>
  );
}

/** The staff's programme editor: a new programme, or an existing one with its cohorts. */
export function ProgrammeEditorPage() {
  const { t } = useI18n();
  const { slug = '', programmeId } = useParams();
  const e = t.programmes.editor;
  return (
    <ProgrammesFrame
      heading={programmeId ? e.editHeading : e.newHeading}
      access="staff"
      back={{ href: programmesHref.board(slug, programmeId), label: e.back }}
    >
      {(territory) =>
        programmeId ? (
          <Existing territory={territory} programmeId={programmeId} />
        ) : (
          <Editor programme={null} territory={territory} onSaved={() => undefined} />
        )
      }
    </ProgrammesFrame>
  );
}
