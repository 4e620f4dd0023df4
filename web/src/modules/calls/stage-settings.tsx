import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, LiveRegion, TextField } from '../../ui/index.ts';
import { callsPaths, type Stage } from './calls.api.ts';

type Criterion = Stage['rubric']['criteria'][number];
const toInt = (v: string) => (v.trim() === '' ? 0 : Number(v));

/** The stage's settings: reviews wanted per application, each reviewer's load, and the rubric's criteria. */
export function StageSettings({ stage, slug, onChange }: { stage: Stage; slug: string; onChange: (s: Stage) => void }) {
  const { t } = useI18n();
  const p = t.calls.stageSettings;
  const [loads, setLoads] = useState({ reviewsWanted: stage.reviewsWanted, minLoad: stage.minLoad, maxLoad: stage.maxLoad });
  const [criteria, setCriteria] = useState<Criterion[]>(stage.rubric.criteria);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldProblems(error);
  const setCriterion = (i: number, patch: Partial<Criterion>) => setCriteria((cs) => cs.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const save = async () => {
    setError(null);
    setDone(null);
    try {
      onChange(await apiRequest<Stage>(callsPaths.stage(slug, stage.id), { method: 'PATCH', body: { ...loads, rubric: { criteria } } }));
      setDone(p.saved);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details className="stage-settings">
      <summary>{p.heading}</summary>
      <ProblemAlert error={error} />
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <div className="form-grid">
        <TextField
          label={p.reviewsWanted}
          name="reviewsWanted"
          value={String(loads.reviewsWanted)}
          onChange={(v) => setLoads({ ...loads, reviewsWanted: toInt(v) })}
          errorMessage={errors.reviewsWanted?.message}
        />
        <TextField
          label={p.minLoad}
          name="minLoad"
          value={String(loads.minLoad)}
          onChange={(v) => setLoads({ ...loads, minLoad: toInt(v) })}
          errorMessage={errors.minLoad?.message}
        />
        <TextField
          label={p.maxLoad}
          name="maxLoad"
          value={String(loads.maxLoad)}
          onChange={(v) => setLoads({ ...loads, maxLoad: toInt(v) })}
          errorMessage={errors.maxLoad?.message}
        />
      </div>
      {criteria.map((c, i) => (
        <fieldset key={`${stage.id}:${c.id}`} className="builder-question">
          <legend>{p.criterion(i + 1)}</legend>
          <div className="form-grid">
            <TextField
              label={p.labelFr}
              name={`c${i}.labelFr`}
              value={c.labelFr}
              onChange={(labelFr) => setCriterion(i, { labelFr })}
              errorMessage={errors[`rubric.criteria.${i}.labelFr`]?.message}
            />
            <TextField
              label={p.labelEn}
              name={`c${i}.labelEn`}
              value={c.labelEn}
              onChange={(labelEn) => setCriterion(i, { labelEn })}
              errorMessage={errors[`rubric.criteria.${i}.labelEn`]?.message}
            />
            <TextField
              label={p.weight}
              name={`c${i}.weight`}
              value={String(c.weight)}
              onChange={(v) => setCriterion(i, { weight: toInt(v) })}
              errorMessage={errors[`rubric.criteria.${i}.weight`]?.message}
            />
            <TextField
              label={p.min}
              name={`c${i}.min`}
              value={String(c.min)}
              onChange={(v) => setCriterion(i, { min: toInt(v) })}
              errorMessage={errors[`rubric.criteria.${i}.min`]?.message}
            />
            <TextField
              label={p.max}
              name={`c${i}.max`}
              value={String(c.max)}
              onChange={(v) => setCriterion(i, { max: toInt(v) })}
              errorMessage={errors[`rubric.criteria.${i}.max`]?.message}
            />
          </div>
          <Button
            variant="quiet"
            className="btn-danger"
            onPress={() => setCriteria((cs) => cs.filter((_, k) => k !== i))}
            aria-label={p.removeCriterion(i + 1)}
          >
            {t.calls.builder.remove}
          </Button>
        </fieldset>
      ))}
      <div className="actions-row">
        <Button
          variant="secondary"
          onPress={() => {
            const taken = criteria.map((c) => c.id);
            let n = criteria.length + 1;
            while (taken.includes(`criterion_${n}`)) n++;
            setCriteria([...criteria, { id: `criterion_${n}`, labelFr: '', labelEn: '', weight: 1, min: 0, max: 5 }]);
          }}
        >
          {p.addCriterion}
        </Button>
        <Button onPress={save}>{p.save}</Button>
      </div>
    </details>
  );
}
