import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { ConfirmDialog } from '../../ui/index.ts';
import { directoryPaths, type OrganizationDetail, type OrgRef } from './directory.api.ts';
import { OrganizationPicker } from './organization-picker.tsx';

/** Merges a duplicate, found by name, into this organisation once the staff member has confirmed. */
function Merge({ territory, org }: { territory: TerritoryDetail; org: OrganizationDetail }) {
  const { t } = useI18n();
  const d = t.directory.form;
  const [dup, setDup] = useState<OrgRef | null>(null);
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();
  return (
    <div>
      <h3>{d.merge}</h3>
      <p>{d.mergeHint}</p>
      <OrganizationPicker
        slug={territory.slug}
        label={d.mergePick}
        description={d.mergeSearch}
        value={dup}
        onChange={setDup}
        excludeId={org.id}
      />
      <ConfirmDialog
        trigger={d.merge}
        title={d.merge}
        confirmLabel={d.confirm}
        cancelLabel={d.cancel}
        isDisabled={!dup}
        onConfirm={async () => {
          try {
            await apiRequest(directoryPaths.merge(territory.slug, org.id), { method: 'POST', body: { duplicateId: dup?.id } });
            navigate(`/t/${territory.slug}/gestion/annuaire/${org.id}`, { state: { saved: d.merged } });
            // The merged organisation gained relationships, figures and people: read it all again.
            navigate(0);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <p>{d.mergeConfirm(dup?.name ?? '', org.name)}</p>
      </ConfirmDialog>
      <ProblemAlert error={error} />
    </div>
  );
}

/** Deleting the organisation and merging a duplicate into it, each after a confirmation. */
export function DangerZone({ territory, org }: { territory: TerritoryDetail; org: OrganizationDetail }) {
  const { t } = useI18n();
  const f = t.directory.form;
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="danger-zone" className="form-section">
      <h2 id="danger-zone">{f.danger}</h2>
      <ProblemAlert error={error} />
      <ConfirmDialog
        trigger={f.delete}
        title={f.delete}
        confirmLabel={f.delete}
        cancelLabel={f.cancel}
        onConfirm={async () => {
          try {
            await apiRequest(directoryPaths.staffOrganization(territory.slug, org.id), { method: 'DELETE' });
            navigate(`/t/${territory.slug}/gestion/annuaire`);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <p>{f.deleteConfirm(org.name)}</p>
      </ConfirmDialog>
      <Merge territory={territory} org={org} />
    </section>
  );
}
