import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { ThemesField } from '../../shared/themes-field.tsx';
import { Alert, Button, LiveRegion, Loading } from '../../ui/index.ts';
import { callsPaths, type Stage } from './calls.api.ts';

type Reviewer = Stage['panel'][number];

/**
 * The reviewer's own expertise: the territory's themes they know, which the automatic assignment
 * prefers when it matches an application's themes.
 */
export function ExpertiseSection({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const x = t.calls.expertise;
  const profile = useApi<Reviewer>(callsPaths.reviewerProfile(territory.slug));
  const [themes, setThemes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (territory.themes.length === 0) return null;
  const value = themes ?? (profile.status === 'ok' ? profile.data.themes : []);
  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const saved = await apiRequest<Reviewer>(callsPaths.reviewerProfile(territory.slug), { method: 'PUT', body: { themes: value } });
      setThemes(saved.themes);
      setDone(x.saved(saved.themes.length));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="expertise-heading" className="panel">
      <h2 id="expertise-heading">{x.heading}</h2>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={Object.keys(fieldProblems(error)).length ? null : error} />
      {profile.status === 'loading' && <Loading label={t.common.loading} />}
      {profile.status === 'error' && <ProblemAlert error={profile.error} onRetry={profile.reload} />}
      {profile.status === 'ok' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <ThemesField
            label={x.themes}
            description={x.hint}
            themes={territory.themes}
            value={value}
            onChange={setThemes}
            errorMessage={fieldProblems(error).themes?.message}
            empty=""
          />
          <div className="actions-row">
            <Button type="submit" variant="secondary" isDisabled={busy}>
              {x.save}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
