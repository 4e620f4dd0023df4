import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, ConfirmDialog, LiveRegion, Loading, SelectField, TextField } from '../../ui/index.ts';
import { type Call, callsPaths, pick, type Stage } from './calls.api.ts';

const emptyStage = { nameFr: '', nameEn: '', position: 'end' };

/**
 * The call's review stages in order: a stage is added at a chosen place (its rubric and loads are
 * then set on the pipeline page), and a stage holding no application can be deleted after
 * confirmation.
 */
export function StagesEditor({ call, slug }: { call: Call; slug: string }) {
  const { t, locale } = useI18n();
  const s = t.calls.stagesEditor;
  const stages = useApi<{ items: Stage[] }>(callsPaths.stages(slug, call.id));
  const [draft, setDraft] = useState(emptyStage);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldProblems(error);
  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await f());
      stages.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const add = () =>
    run(async () => {
      const made = await apiRequest<Stage>(callsPaths.stages(slug, call.id), {
        method: 'POST',
        body: {
          nameFr: draft.nameFr,
          nameEn: draft.nameEn,
          rubric: { criteria: [] },
          reviewsWanted: 0,
          minLoad: 0,
          maxLoad: 0,
          ...(draft.position === 'end' ? {} : { position: Number(draft.position) }),
        },
      });
      setDraft(emptyStage);
      return s.added(pick(locale, made.nameFr, made.nameEn), made.position);
    });
  const items = stages.status === 'ok' ? stages.data.items : [];
  return (
    <section aria-labelledby="stages-heading" className="panel">
      <h2 id="stages-heading">{s.heading}</h2>
      <p className="muted">{s.intro}</p>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={Object.keys(errors).length ? null : error} />
      {stages.status === 'loading' && <Loading label={t.common.loading} />}
      {stages.status === 'error' && <ProblemAlert error={stages.error} onRetry={stages.reload} />}
      {stages.status === 'ok' &&
        (items.length === 0 ? (
          <p className="empty">{t.calls.pipeline.noStages}</p>
        ) : (
          <ol className="plain-list stage-list">
            {items.map((st) => {
              const name = pick(locale, st.nameFr, st.nameEn);
              return (
                <li key={st.id} className="actions-row compact">
                  <span>
                    {`${st.position}. ${name}`} <span className="muted">{s.count(st.applicationCount)}</span>
                  </span>
                  {st.applicationCount === 0 && (
                    <ConfirmDialog
                      closeFirst
                      danger
                      triggerVariant="quiet"
                      trigger={s.remove(name)}
                      title={s.removeTitle(name)}
                      confirmLabel={s.removeConfirm}
                      cancelLabel={t.calls.cancel}
                      isDisabled={busy}
                      onConfirm={() =>
                        run(async () => {
                          await apiRequest(callsPaths.stage(slug, st.id), { method: 'DELETE' });
                          return s.removed(name);
                        })
                      }
                    >
                      <p>{s.removeBody}</p>
                    </ConfirmDialog>
                  )}
                </li>
              );
            })}
          </ol>
        ))}
      <form
        className="stage-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <h3>{s.addHeading}</h3>
        <div className="form-grid">
          <TextField
            label={s.nameFr}
            name="stageNameFr"
            value={draft.nameFr}
            onChange={(nameFr) => setDraft({ ...draft, nameFr })}
            isRequired
            errorMessage={errors.nameFr?.message}
          />
          <TextField
            label={s.nameEn}
            name="stageNameEn"
            value={draft.nameEn}
            onChange={(nameEn) => setDraft({ ...draft, nameEn })}
            isRequired
            errorMessage={errors.nameEn?.message}
          />
          <SelectField
            label={s.place}
            value={draft.position}
            onChange={(position) => setDraft({ ...draft, position })}
            errorMessage={errors.position?.message}
            options={[
              ...items.map((st) => ({ id: String(st.position), label: s.before(pick(locale, st.nameFr, st.nameEn)) })),
              { id: 'end', label: s.last },
            ]}
          />
        </div>
        <div className="actions-row">
          <Button type="submit" variant="secondary" isDisabled={busy}>
            {s.add}
          </Button>
        </div>
      </form>
    </section>
  );
}
