import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, SelectField } from '../../ui/index.ts';
import { callsPaths, pick, type Stage } from './calls.api.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { StageSettings } from './stage-settings.tsx';

type Reviewer = Stage['panel'][number];

/** The stage's rubric and panel: reviewers added from the territory's reviewer accounts, or removed. */
export function PanelSection({ stage, slug, onChange }: { stage: Stage; slug: string; onChange: (s: Stage) => void }) {
  const { t, locale } = useI18n();
  const p = t.calls.pipeline;
  const reviewers = useApi<{ items: Reviewer[] }>(callsPaths.reviewers(slug));
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (f: () => Promise<Stage>) => {
    setError(null);
    try {
      onChange(await f());
    } catch (e) {
      setError(e);
    }
  };
  const candidates = reviewers.status === 'ok' ? reviewers.data.items.filter((r) => !stage.panel.some((m) => m.userId === r.userId)) : [];
  return (
    <section aria-labelledby="panel-heading" className="panel">
      <h2 id="panel-heading">{p.panelHeading}</h2>
      {stage.rubric.criteria.length === 0 ? (
        <p className="muted">{p.noRubric}</p>
      ) : (
        <ul className="plain-list">
          {stage.rubric.criteria.map((c) => (
            <li key={c.id}>{p.criterion(pick(locale, c.labelFr, c.labelEn), c.weight, c.min, c.max)}</li>
          ))}
        </ul>
      )}
      <p className="muted">{p.loads(stage.reviewsWanted, stage.minLoad, stage.maxLoad)}</p>
      <StageSettings key={`${stage.id}:${stage.reviewsWanted}:${stage.maxLoad}`} stage={stage} slug={slug} onChange={onChange} />
      <ProblemAlert error={error} />
      {stage.panel.length === 0 ? (
        <p className="empty">{p.noPanel}</p>
      ) : (
        <ul className="plain-list panel-members">
          {stage.panel.map((m) => (
            <li key={m.userId} className="actions-row compact">
              <span>{`${m.displayName} (${m.email})`}</span>
              <ConfirmAction
                danger
                triggerVariant="quiet"
                trigger={p.removeReviewer(m.displayName)}
                title={p.removeReviewerTitle(m.displayName)}
                confirmLabel={p.remove}
                cancelLabel={t.calls.cancel}
                onConfirm={() => run(() => apiRequest<Stage>(callsPaths.panelMember(slug, stage.id, m.userId), { method: 'DELETE' }))}
              />
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <div className="actions-row">
          <SelectField
            label={p.addReviewer}
            value={chosen}
            onChange={setChosen}
            options={candidates.map((r) => ({ id: r.userId, label: `${r.displayName} (${r.email})` }))}
          />
          <Button
            variant="secondary"
            isDisabled={!chosen}
            onPress={() => run(() => apiRequest<Stage>(callsPaths.panel(slug, stage.id), { method: 'POST', body: { userId: chosen } }))}
          >
            {p.add}
          </Button>
        </div>
      )}
    </section>
  );
}
