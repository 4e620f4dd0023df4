import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, RadioGroup, SelectField, TextArea } from '../../ui/index.ts';
import { callsPaths, conflictKinds, type Declaration, type Review } from './calls.api.ts';

/**
 * The declaration a reviewer makes before seeing the full file: no conflict of interest (the file
 * opens), or a typed conflict (the reviewer is withdrawn from this application).
 */
export function DeclarationForm({ review, slug, onDeclared }: { review: Review; slug: string; onDeclared: (d: Declaration) => void }) {
  const { t } = useI18n();
  const d = t.calls.declaration;
  const [choice, setChoice] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = fieldProblems(error);
  const send = async () => {
    if (!choice || (choice === 'conflict' && !kind)) return setMissing(true);
    setBusy(true);
    setError(null);
    try {
      const body = choice === 'none' ? { conflict: false } : { conflict: true, kind, comment };
      onDeclared(await apiRequest<Declaration>(callsPaths.declaration(slug, review.id), { method: 'POST', body }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel declaration-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <h2>{d.heading}</h2>
      <p>{d.intro}</p>
      <ProblemAlert error={error} />
      <RadioGroup
        label={d.question}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setMissing(false);
        }}
        options={[
          { id: 'none', label: d.none },
          { id: 'conflict', label: d.conflict },
        ]}
      />
      {missing && !choice && <p className="field-error">{d.choose}</p>}
      {choice === 'conflict' && (
        <>
          <SelectField
            label={d.kind}
            value={kind}
            onChange={setKind}
            isRequired
            options={conflictKinds.map((k) => ({ id: k, label: d.kinds[k] ?? k }))}
            errorMessage={missing && !kind ? d.chooseKind : fields.kind?.message}
          />
          <TextArea
            label={d.comment}
            name="comment"
            value={comment}
            onChange={setComment}
            rows={3}
            errorMessage={fields.comment?.message}
          />
        </>
      )}
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {d.send}
        </Button>
      </div>
    </form>
  );
}
