import type { FieldProblem } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button, TextField } from '../../ui/index.ts';

export type CallDocument = { titleFr: string; titleEn: string; url: string };

/** The call's documents (rules, templates): a title in each language and a web address, added and removed. */
export function DocumentsFields({
  value,
  onChange,
  errors,
}: {
  value: CallDocument[];
  onChange: (v: CallDocument[]) => void;
  errors: Record<string, FieldProblem>;
}) {
  const { t } = useI18n();
  const d = t.calls.editor.documents;
  const set = (i: number, patch: Partial<CallDocument>) => onChange(value.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="form-section">
      <legend>{d.heading}</legend>
      {value.length === 0 && <p className="empty">{d.empty}</p>}
      {value.map((doc, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: documents are typed in place; the position is their identity while editing.
        <div key={i} className="form-grid builder-option">
          <TextField
            label={d.titleFr(i + 1)}
            name={`documents.${i}.titleFr`}
            value={doc.titleFr}
            onChange={(titleFr) => set(i, { titleFr })}
            errorMessage={errors[`documents.${i}.titleFr`]?.message}
          />
          <TextField
            label={d.titleEn(i + 1)}
            name={`documents.${i}.titleEn`}
            value={doc.titleEn}
            onChange={(titleEn) => set(i, { titleEn })}
            errorMessage={errors[`documents.${i}.titleEn`]?.message}
          />
          <TextField
            label={d.url(i + 1)}
            name={`documents.${i}.url`}
            value={doc.url}
            onChange={(url) => set(i, { url })}
            errorMessage={errors[`documents.${i}.url`]?.message}
          />
          <Button
            variant="quiet"
            className="btn-danger"
            onPress={() => onChange(value.filter((_, k) => k !== i))}
            aria-label={d.remove(i + 1)}
          >
            {t.calls.builder.remove}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onPress={() => onChange([...value, { titleFr: '', titleEn: '', url: 'https://' }])}>
        {d.add}
      </Button>
    </fieldset>
  );
}
