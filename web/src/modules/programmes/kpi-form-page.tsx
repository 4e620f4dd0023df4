import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiRequest, fieldProblems } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Loading, SelectField, TextArea } from '../../ui/index.ts';
import { NativeField } from './native-field.tsx';
import { type KpiForm, monthName, programmesPaths } from './programmes.api.ts';
import { ProgrammesFrame } from './programmes-frame.tsx';

const noBand = '__none';

function Form({ slug, token, form }: { slug: string; token: string; form: KpiForm }) {
  const { t, locale } = useI18n();
  const k = t.programmes.kpi;
  const [headcount, setHeadcount] = useState('');
  const [funds, setFunds] = useState('');
  const [band, setBand] = useState(noBand);
  const [facts, setFacts] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(Boolean(form.answeredAt));
  const [busy, setBusy] = useState(false);
  const errors = fieldProblems(error);
  const bands = [{ id: noBand, label: k.noBand }, ...Object.entries(t.programmes.bands).map(([id, label]) => ({ id, label }))];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    // Euros typed with a comma or a point; the server takes integer cents.
    const euros = Number(funds.replace(/\s/g, '').replace(',', '.'));
    const body = {
      headcount: headcount.trim() === '' ? -1 : Number(headcount),
      fundsRaisedCents: funds.trim() === '' || Number.isNaN(euros) ? -1 : Math.round(euros * 100),
      revenueBand: band === noBand ? null : band,
      keyFacts: facts.trim() || null,
    };
    try {
      await apiRequest(programmesPaths.kpi(slug, token), { method: 'POST', body });
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const programme = locale === 'en' ? form.programmeEn : form.programmeFr;
  if (sent) return <Alert tone="success" title={form.answeredAt ? k.already : k.thanks} />;
  return (
    <>
      <p className="lead">{k.intro(form.organization, programme, monthName(form.period, locale))}</p>
      <form onSubmit={submit} noValidate>
        <NativeField
          id="kpi-headcount"
          label={k.headcount}
          type="number"
          value={headcount}
          onChange={setHeadcount}
          error={errors.headcount?.message}
        />
        <NativeField
          id="kpi-funds"
          label={k.funds}
          type="number"
          value={funds}
          onChange={setFunds}
          error={errors.fundsRaisedCents?.message}
        />
        <SelectField label={k.band} options={bands} value={band} onChange={setBand} />
        <TextArea label={k.facts} name="keyFacts" value={facts} onChange={setFacts} errorMessage={errors.keyFacts?.message} />
        <ProblemAlert error={error} />
        <Button type="submit" isDisabled={busy}>
          {k.submit}
        </Button>
      </form>
    </>
  );
}

/** The company's monthly figures, reached from the e-mailed link (no account needed: the link is the key). */
export function KpiFormPage() {
  const { slug = '', token = '' } = useParams();
  const { t } = useI18n();
  const form = useApi<KpiForm>(programmesPaths.kpi(slug, token));
  return (
    <ProgrammesFrame heading={t.programmes.kpi.heading}>
      {() =>
        form.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : form.status === 'error' ? (
          form.error instanceof ApiError && form.error.problem.code === 'token_invalid' ? (
            <Alert tone="error" title={t.programmes.kpi.invalid} />
          ) : (
            <ProblemAlert error={form.error} onRetry={form.reload} />
          )
        ) : (
          <Form slug={slug} token={token} form={form.data} />
        )
      }
    </ProgrammesFrame>
  );
}
