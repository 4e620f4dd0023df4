import { type ChangeEvent, useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, DataTable, TextArea } from '../../ui/index.ts';
import { directoryPaths, type ImportReport, type ImportRow } from './directory.api.ts';
import { StaffFrame } from './staff-frame.tsx';

/** Reads a chosen file as base64, so that a Windows-1252 file reaches the server byte for byte. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

type Labels = ReturnType<typeof useI18n>['t']['directory']['form'];

/** A changed field by the label of its form field (the key when it has none). */
function changeLabel(f: Labels, key: string): string {
  const labels: Record<string, string> = {
    kind: f.kind,
    name: f.name,
    legalName: f.legalName,
    siren: f.siren,
    siret: f.siret,
    rna: f.rna,
    address: f.street,
    communeInsee: f.communeInsee,
    website: f.website,
    descriptionFr: f.descriptionFr,
    descriptionEn: f.descriptionEn,
    foundingYear: f.foundingYear,
    sector: f.sector,
    themeIds: f.themes,
    tags: f.tags,
    membershipStatus: f.status,
    isPublic: f.visibility,
  };
  return labels[key] ?? key;
}

/** An error by its column (`line.4.type` → "type"): the line has its own column in the table. */
const errorText = (e: { path: string; message: string }) => {
  const column = e.path
    .split('.')
    .slice(e.path.startsWith('line.') ? 2 : 1)
    .join('.');
  return column ? `${column} : ${e.message}` : e.message;
};

function Importer({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const d = t.directory.import;
  const [content, setContent] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const body = () => (file ? { content: file.base64, encoding: 'base64' } : { content, encoding: 'text' });
  const run = async (commit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const path = commit ? directoryPaths.importCommit(territory.slug) : directoryPaths.importPreview(territory.slug);
      setReport(await apiRequest<ImportReport>(path, { method: 'POST', body: body() }));
    } catch (err) {
      setError(err);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setReport(null);
    setFile(f ? { name: f.name, base64: await readBase64(f) } : null);
  };
  const columns: Column<ImportRow>[] = [
    { id: 'line', header: d.line, cell: (r) => r.line },
    { id: 'name', header: d.name, cell: (r) => r.name || '—', isRowHeader: true },
    {
      id: 'action',
      header: d.action,
      cell: (r) => <span className={r.action === 'error' ? 'import-action-error' : undefined}>{d.actions[r.action] ?? r.action}</span>,
    },
    {
      id: 'reasons',
      header: d.reasons,
      cell: (r) => (
        <ul className="plain-list">
          {[...r.reasons, ...r.changes.map((c) => `+ ${changeLabel(t.directory.form, c)}`), ...r.errors.map(errorText)].map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ),
    },
  ];
  const s = report?.summary;
  return (
    <>
      <section aria-labelledby="import-heading" className="form-section">
        <h2 id="import-heading">{d.importHeading}</h2>
        <p>{d.intro}</p>
        <TextArea
          label={d.content}
          name="content"
          value={content}
          onChange={(v) => {
            setContent(v);
            setFile(null);
            setReport(null);
          }}
          description={d.contentHint}
          rows={8}
          monospace
        />
        <div className="field">
          <label className="field-label" htmlFor="import-file">
            {d.file}
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={choose} className="file-input" />
        </div>
        <div className="actions-row">
          <Button variant="secondary" isDisabled={busy || (!content.trim() && !file)} onPress={() => run(false)}>
            {d.preview}
          </Button>
          <Button isDisabled={busy || !report || report.committed || !report.valid} onPress={() => run(true)}>
            {d.commit}
          </Button>
        </div>
        <ProblemAlert error={error} />
        <div role="status">
          {report && s && (
            <Alert
              tone={report.committed ? 'success' : report.valid ? 'info' : 'error'}
              announce={false}
              title={report.committed ? d.committed(s.create + s.update) : d.summary(s.create, s.update, s.skip, s.error)}
            >
              {!report.valid && <p>{d.invalid}</p>}
            </Alert>
          )}
        </div>
        {report && report.rows.length > 0 && <DataTable caption={d.caption} columns={columns} rows={report.rows} rowKey={(r) => r.line} />}
      </section>
      <section aria-labelledby="export-heading" className="form-section">
        <h2 id="export-heading">{d.exportHeading}</h2>
        <div className="actions-row">
          <a className="btn btn-secondary" href={directoryPaths.exportCsv(territory.slug, 'excel')} download>
            {d.excel}
          </a>
          <a className="btn btn-secondary" href={directoryPaths.exportCsv(territory.slug, 'open_data')} download>
            {d.openData}
          </a>
        </div>
      </section>
    </>
  );
}

/** CSV import with a row-by-row preview before committing, and the CSV exports. */
export function ImportPage() {
  const { t } = useI18n();
  return <StaffFrame heading={t.directory.import.heading}>{(territory) => <Importer territory={territory} />}</StaffFrame>;
}
