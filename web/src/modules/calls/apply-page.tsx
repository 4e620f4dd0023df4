import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Checkbox, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { type Application, callsHref, callsPaths, isCallManager, type PublicCall, pick } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';
import { emptyOrganization, type NewOrganization, NewOrganizationFields, newOrganizationBody } from './new-organization-fields.tsx';
import { OrganizationChoice, type OrgRef } from './organization-choice.tsx';

function StartForm({ call, slug }: { call: PublicCall; slug: string }) {
  const { t } = useI18n();
  const a = t.calls.apply;
  const { session } = useSession();
  const navigate = useNavigate();
  const mine = useApi<Page<Application>>(callsPaths.mine(slug, 1));
  const affiliated = useApi<{ items: OrgRef[] }>(callsPaths.myOrganizations(slug));
  // Offered before anything is typed: the person's organisations, then those they applied for.
  const known = new Map<string, OrgRef>();
  if (affiliated.status === 'ok') for (const o of affiliated.data.items) known.set(o.id, o);
  if (mine.status === 'ok') for (const app of mine.data.items) known.set(app.organization.id, app.organization);
  const [org, setOrg] = useState<OrgRef | null>(null);
  const [creating, setCreating] = useState(false);
  const [newOrg, setNewOrg] = useState<NewOrganization>(emptyOrganization);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const existing = mine.status === 'ok' ? mine.data.items.find((x) => x.callId === call.id && x.organization.id === org?.id) : undefined;

  const start = async () => {
    if (!creating && !org) {
      setMissing(true);
      return;
    }
    if (!creating && existing) return navigate(callsHref.application(slug, existing.id));
    setBusy(true);
    setError(null);
    try {
      const who = creating ? { newOrganization: newOrganizationBody(newOrg) } : { organizationId: org?.id };
      const made = await apiRequest<Application>(callsPaths.apply(slug, call.slug), { method: 'POST', body: { ...who, answers: {} } });
      navigate(callsHref.application(slug, made.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form
      className="apply-start"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <p>{a.intro}</p>
      <ProblemAlert error={error} />
      {creating ? (
        <NewOrganizationFields value={newOrg} onChange={setNewOrg} errors={fieldProblems(error)} />
      ) : (
        <OrganizationChoice
          slug={slug}
          staff={isCallManager(session, slug)}
          known={[...known.values()]}
          value={org}
          onChange={(o) => {
            setOrg(o);
            setMissing(false);
          }}
          errorMessage={missing ? a.organizationMissing : undefined}
        />
      )}
      <Checkbox isSelected={creating} onChange={setCreating}>
        {a.notListed}
      </Checkbox>
      {!creating && existing && <p className="field-hint">{a.existing}</p>}
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {!creating && existing ? a.continue : a.start}
        </Button>
      </div>
    </form>
  );
}

/** "Apply": the organisation the person represents, then the draft is made and its form opens. */
export function ApplyPage() {
  const { t, locale } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const detail = useApi<PublicCall>(callsPaths.call(slug, params.call ?? ''));
  const title = detail.status === 'ok' ? pick(locale, detail.data.titleFr, detail.data.titleEn) : null;
  return (
    <CallsFrame
      heading={title ? t.calls.apply.heading(title) : null}
      access="signed_in"
      back={{ href: callsHref.call(slug, params.call ?? ''), label: t.calls.apply.back }}
    >
      {() =>
        detail.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : detail.status === 'error' ? (
          <ProblemAlert error={detail.error} />
        ) : !detail.data.isOpen ? (
          <p>{t.calls.call.notOpen}</p>
        ) : (
          <StartForm call={detail.data} slug={slug} />
        )
      }
    </CallsFrame>
  );
}
