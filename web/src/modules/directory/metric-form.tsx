import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, SelectField, TextField } from '../../ui/index.ts';
import { DateField } from './date-field.tsx';
import { directoryPaths, type Metric, type MetricKind, metricKinds, revenueBands } from './directory.api.ts';
import { fieldErrorsOf, todayIn, useWrite } from './staff-helpers.ts';

/** A typed amount (« 250 000 », « 1200,50 ») as a count, or as cents of euros; null when it is not a number ≥ 0. */
export function parseAmount(text: string, kind: MetricKind): number | null {
  const plain = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (kind === 'headcount') return /^\d+$/.test(plain) ? Number(plain) : null;
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Math.round(Number(plain) * 100);
}

export type AddMetricProps = { slug: string; organizationId: string; timeZone: string; onAdded: (m: Metric) => void };

/** Records a dated, sourced figure: a headcount, a total of funds raised (typed in euros) or a revenue band. */
export function AddMetric({ slug, organizationId, timeZone, onAdded }: AddMetricProps) {
  const { t } = useI18n();
  const d = t.directory;
  const m = d.metrics;
  const [kind, setKind] = useState<MetricKind>('headcount');
  const [amount, setAmount] = useState('');
  const [band, setBand] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(() => todayIn(timeZone));
  const [source, setSource] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { error, busy, send } = useWrite();
  const serverErr = fieldErrorsOf(error, m.fieldErrors);
  const err = (k: string) => local[k] ?? serverErr(k);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = kind === 'revenue_band' ? null : parseAmount(amount, kind);
    // Checked here first: a figure typed in euros must not reach the server as a wrong number of cents.
    const missing: Record<string, string> = {};
    if (kind !== 'revenue_band' && value === null) missing.value = m.fieldErrors.value ?? '';
    if (kind === 'revenue_band' && !band) missing.band = m.fieldErrors.band ?? '';
    if (!asOf) missing.asOf = m.fieldErrors.asOf ?? '';
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const body = { metric: kind, ...(kind === 'revenue_band' ? { band } : { value }), asOf, source: source.trim() || null };
    const added = await send<Metric>(directoryPaths.metrics(slug, organizationId), 'POST', body);
    if (!added) return;
    setAmount('');
    setBand(null);
    onAdded(added);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="metric-add">
      <h3 id="metric-add">{m.add}</h3>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <SelectField
          label={m.kind}
          name="metric"
          value={kind}
          onChange={(v) => {
            setKind(v as MetricKind);
            setLocal({});
          }}
          options={metricKinds.map((k) => ({ id: k, label: m.kinds[k] ?? k }))}
          isRequired
        />
        {kind === 'revenue_band' ? (
          <SelectField
            label={m.band}
            name="band"
            value={band}
            onChange={setBand}
            placeholder={m.bandNone}
            options={revenueBands.map((b) => ({ id: b, label: d.revenueBands[b] ?? b }))}
            errorMessage={err('band')}
            isRequired
          />
        ) : (
          <TextField
            label={kind === 'headcount' ? m.headcount : m.funds}
            name="value"
            value={amount}
            onChange={setAmount}
            description={kind === 'funds_raised' ? m.fundsHint : undefined}
            errorMessage={err('value')}
            isRequired
          />
        )}
        <DateField label={m.asOfLabel} name="asOf" value={asOf} onChange={setAsOf} errorMessage={err('asOf')} isRequired />
        <TextField
          label={m.sourceLabel}
          name="source"
          value={source}
          onChange={setSource}
          description={m.sourceHint}
          errorMessage={err('source')}
        />
      </div>
      <Button type="submit" isDisabled={busy}>
        {m.addButton}
      </Button>
    </form>
  );
}
