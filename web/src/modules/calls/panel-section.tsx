import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { Theme } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, ConfirmDialog, SelectField, TextField } from '../../ui/index.ts';
import { isTerritoryAdmin, useSession } from '../identity/index.ts';
import { callsPaths, pick, type Stage } from './calls.api.ts';
import { StageSettings } from './stage-settings.tsx';

type Reviewer = Stage['panel'][number];

/**
 * The stage's rubric and panel: reviewers, with their expertise, added from the territory's
 * reviewer accounts or (admins) invited by e-mail, or removed.
 */
export function PanelSection({
  stage,
  slug,
  themes,
  onChange,
}: {
  stage: Stage;
  slug: string;
  themes: Theme[];
  onChange: (s: Stage) => void;
}) {
  const { t, locale } = useI18n();
  const p = t.calls.pipeline;
  const { session } = useSession();
  const reviewers = useApi<{ items: Reviewer[] }>(callsPaths.reviewers(slug));
  const [chosen, setChosen] = useState<string | null>(null);
  const [invite, setInvite] = useState({ email: '', displayName: '' });
  const [error, setError] = useState<unknown>(null);
  const fields = fieldProblems(error);
  const run = async (f: () => Promise<Stage>) => {
    setError(null);
    try {
      onChange(await f());
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const label = (slugOf: string) => {
    const th = themes.find((x) => x.slug === slugOf);
    return th ? pick(locale, th.labelFr, th.labelEn) : slugOf;
  };
  const expertise = (r: Reviewer) => (r.themes.length ? p.expertise(r.themes.map(label).join(', ')) : p.noExpertise);
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
      <ProblemAlert error={Object.keys(fields).length ? null : error} />
      {stage.panel.length === 0 ? (
        <p className="empty">{p.noPanel}</p>
      ) : (
        <ul className="plain-list panel-members">
          {stage.panel.map((m) => (
            <li key={m.userId} className="actions-row compact">
              <span>
                {`${m.displayName} (${m.email})`} <span className="muted">{expertise(m)}</span>
              </span>
              <ConfirmDialog
                closeFirst
                danger
                triggerVariant="quiet"
                trigger={p.removeReviewer(m.displayName)}
                title={p.removeReviewerTitle(m.displayName)}
                confirmLabel={p.remove}
                cancelLabel={t.calls.cancel}
                onConfirm={async () => {
                  await run(() => apiRequest<Stage>(callsPaths.panelMember(slug, stage.id, m.userId), { method: 'DELETE' }));
                }}
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
            options={candidates.map((r) => ({ id: r.userId, label: `${r.displayName} (${r.email}) – ${expertise(r)}` }))}
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
      {isTerritoryAdmin(session, slug) && (
        <form
          className="panel-invite"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const body = { email: invite.email, ...(invite.displayName.trim() ? { displayName: invite.displayName } : {}) };
            if (await run(() => apiRequest<Stage>(callsPaths.panel(slug, stage.id), { method: 'POST', body })))
              setInvite({ email: '', displayName: '' });
          }}
        >
          <h3>{p.inviteHeading}</h3>
          <p className="field-hint">{p.inviteHint}</p>
          <div className="form-grid">
            <TextField
              label={p.inviteName}
              name="inviteName"
              value={invite.displayName}
              onChange={(displayName) => setInvite({ ...invite, displayName })}
              errorMessage={fields.displayName?.message}
            />
            <TextField
              label={p.inviteEmail}
              name="inviteEmail"
              type="email"
              autoComplete="off"
              value={invite.email}
              onChange={(email) => setInvite({ ...invite, email })}
              isRequired
              errorMessage={fields.email?.message}
            />
          </div>
          <div className="actions-row">
            <Button type="submit" variant="secondary" isDisabled={!invite.email.trim()}>
              {p.invite}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
