import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, DataTable, LiveRegion, Loading } from '../../ui/index.ts';
import { callsPaths, type RankingRow, type Stage } from './calls.api.ts';
import { DecisionDialog } from './decision-dialog.tsx';

const decimal = (n: number | null, locale: 'fr' | 'en') =>
  n === null ? '—' : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(n);

/** The stage's ranking (weighted mean, spread between reviewers, missing reviews), reminders and decisions. */
export function RankingSection({
  stage,
  slug,
  programmeId,
  onDecided,
}: {
  stage: Stage;
  slug: string;
  programmeId: string | null;
  onDecided: () => void;
}) {
  const { t, locale } = useI18n();
  const p = t.calls.pipeline;
  const ranking = useApi<{ items: RankingRow[] }>(callsPaths.ranking(slug, stage.id));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remind = async () => {
    setError(null);
    setDone(null);
    try {
      const r = await apiRequest<{ reminded: string[]; skipped: string[] }>(callsPaths.reminders(slug, stage.id), { method: 'POST' });
      setDone(p.reminded(r.reminded.length, r.skipped.length));
    } catch (e) {
      setError(e);
    }
  };
  const missing = ranking.status === 'ok' ? ranking.data.items.reduce((n, r) => n + r.missing, 0) : 0;
  return (
    <section aria-labelledby="ranking-heading" className="panel">
      <h2 id="ranking-heading">{p.rankingHeading}</h2>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={error} />
      {ranking.status === 'loading' && <Loading label={t.common.loading} />}
      {ranking.status === 'error' && <ProblemAlert error={ranking.error} onRetry={ranking.reload} />}
      {ranking.status === 'ok' &&
        (ranking.data.items.length === 0 ? (
          <p className="empty">{p.noRanking}</p>
        ) : (
          <>
            <p>
              {p.missingTotal(missing)}{' '}
              <Button variant="secondary" onPress={remind} isDisabled={missing === 0}>
                {p.remind}
              </Button>
            </p>
            <DataTable
              caption={p.rankingCaption}
              rowKey={(r) => r.applicationId}
              rows={ranking.data.items}
              columns={[
                { id: 'org', header: p.organization, isRowHeader: true, cell: (r) => r.organizationName },
                { id: 'score', header: p.score, cell: (r) => decimal(r.score, locale) },
                {
                  id: 'spread',
                  header: p.spread,
                  cell: (r) =>
                    r.min === null
                      ? '—'
                      : p.spreadValue(decimal(r.standardDeviation, locale), decimal(r.min, locale), decimal(r.max, locale)),
                },
                { id: 'reviews', header: p.reviews, cell: (r) => p.reviewCount(r.submitted, r.missing) },
                {
                  id: 'recs',
                  header: p.recommendations,
                  cell: (r) =>
                    p.recs(
                      formatNumber(r.recommendations.yes, locale),
                      formatNumber(r.recommendations.maybe, locale),
                      formatNumber(r.recommendations.no, locale),
                    ),
                },
                {
                  id: 'decide',
                  header: p.decide,
                  cell: (r) => (
                    <DecisionDialog
                      applicationId={r.applicationId}
                      organizationName={r.organizationName}
                      programmeId={programmeId}
                      slug={slug}
                      onDecided={(a) => {
                        const status = t.calls.statuses[a.status] ?? a.status;
                        setDone(
                          a.admission
                            ? p.decidedAdmitted(r.organizationName, status, a.admission.status, a.admission.position)
                            : p.decided(r.organizationName, status),
                        );
                        onDecided();
                      }}
                    />
                  ),
                },
              ]}
            />
          </>
        ))}
    </section>
  );
}
