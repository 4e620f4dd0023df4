import { type SQL, sql } from 'drizzle-orm';

/**
 * One row per company accompanied during [from, to] (active or alumni). Figures come from the
 * directory's dated figures and from the monthly KPI answers (dated on their local answer day):
 * at entry, the latest on or before the entry date, else the first given after it; now, the
 * latest on or before `to`. Milestones due in the period (dropped ones left out) and those of
 * them done; sessions held in the period and their minutes.
 */
export function reportRowsSql(p: { programmeId: string; cohortId: string | null; from: string; to: string; zone: string }): SQL {
  const figure = (metric: string, when: 'entry' | 'now') =>
    when === 'now'
      ? sql`(SELECT f.value FROM fig f WHERE f.org = e.organization_id AND f.metric = ${metric} AND f.on_ <= ${p.to}::date
           ORDER BY f.on_ DESC, f.rank DESC LIMIT 1)`
      : sql`coalesce(
          (SELECT f.value FROM fig f WHERE f.org = e.organization_id AND f.metric = ${metric} AND f.on_ <= e.entered_on
           ORDER BY f.on_ DESC, f.rank DESC LIMIT 1),
          (SELECT f.value FROM fig f WHERE f.org = e.organization_id AND f.metric = ${metric} AND f.on_ > e.entered_on
             AND f.on_ <= ${p.to}::date ORDER BY f.on_ ASC, f.rank ASC LIMIT 1))`;
  return sql`
    WITH e AS (
      SELECT e.id, e.organization_id, o.name, e.status, e.entered_on, e.exited_on
      FROM programme_enrolments e JOIN organizations o ON o.id = e.organization_id
      WHERE e.programme_id = ${p.programmeId}
        AND (${p.cohortId}::uuid IS NULL OR e.cohort_id = ${p.cohortId}::uuid)
        AND e.status IN ('active', 'exited')
        AND e.entered_on <= ${p.to}::date AND (e.exited_on IS NULL OR e.exited_on >= ${p.from}::date)
    ), fig AS (
      SELECT m.organization_id AS org, m.metric, m.as_of AS on_, m.value, extract(epoch FROM m.created_at) AS rank
      FROM organization_metrics m
      WHERE m.metric IN ('headcount', 'funds_raised') AND m.organization_id IN (SELECT organization_id FROM e)
      UNION ALL
      SELECT pe.organization_id, x.metric, (k.answered_at AT TIME ZONE ${p.zone})::date, x.value, extract(epoch FROM k.answered_at)
      FROM kpi_requests k
      JOIN programme_enrolments pe ON pe.id = k.enrolment_id
      CROSS JOIN LATERAL (VALUES ('headcount', k.headcount::bigint), ('funds_raised', k.funds_raised_cents)) AS x(metric, value)
      WHERE k.answered_at IS NOT NULL AND pe.organization_id IN (SELECT organization_id FROM e)
    )
    SELECT e.organization_id, e.name, e.status, e.entered_on::text, e.exited_on::text,
      ${figure('headcount', 'entry')} AS jobs_entry,
      ${figure('headcount', 'now')} AS jobs_now,
      ${figure('funds_raised', 'entry')} AS funds_entry,
      ${figure('funds_raised', 'now')} AS funds_now,
      (SELECT count(*) FROM programme_milestones m WHERE m.enrolment_id = e.id AND m.status = 'done'
         AND m.due_on BETWEEN ${p.from}::date AND ${p.to}::date) AS milestones_met,
      (SELECT count(*) FROM programme_milestones m WHERE m.enrolment_id = e.id AND m.status <> 'dropped'
         AND m.due_on BETWEEN ${p.from}::date AND ${p.to}::date) AS milestones_due,
      (SELECT count(*) FROM programme_sessions x WHERE x.enrolment_id = e.id
         AND x.held_on BETWEEN ${p.from}::date AND ${p.to}::date) AS sessions,
      (SELECT coalesce(sum(x.duration_minutes), 0) FROM programme_sessions x WHERE x.enrolment_id = e.id
         AND x.held_on BETWEEN ${p.from}::date AND ${p.to}::date) AS minutes
    FROM e
    ORDER BY e.name, e.entered_on`;
}
