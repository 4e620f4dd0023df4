import { useId, useState } from 'react';
import { ApiError, apiUpload } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { callsPaths, type Question, type UploadedFile } from './calls.api.ts';
import { formatSize } from './money.ts';

type FileQuestionProps = {
  question: Question;
  label: string;
  help?: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  slug: string;
  applicationId: string;
  isDisabled?: boolean;
};

const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** The server's reason for refusing a file, in the reader's language: the precise one, else the title. */
function refusal(e: unknown, fallback: string): string {
  if (!(e instanceof ApiError)) return fallback;
  return e.problem.errors?.find((x) => x.path === 'file')?.message || e.problem.title || fallback;
}

/**
 * A file question: the browser's own file input (keyboard and screen readers know it), the types
 * and size the call accepts, then the upload as soon as a file is chosen. The server checks the
 * content's real type and the size; its refusal is shown at the field.
 */
export function FileQuestion({ question: q, label, help, value, onChange, error, slug, applicationId, isDisabled }: FileQuestionProps) {
  const { t, locale } = useI18n();
  const f = t.calls.form;
  const inputId = `input-${q.id}`;
  const hintId = useId();
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);
  if (q.type !== 'file') return null;
  const accepted = q.allowedTypes.map((type) => typeNames[type] ?? type).join(', ');
  const shownError = refused ?? error;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setRefused(null);
    const form = new FormData();
    form.append('questionId', q.id);
    form.append('file', file, file.name);
    try {
      const made = await apiUpload<UploadedFile>(callsPaths.files(slug, applicationId), form);
      setUploaded(made);
      onChange(made.id);
    } catch (e) {
      setRefused(refusal(e, t.common.unexpectedError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        {label}
        {q.required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <p id={hintId} className="field-hint">
        {[help, f.fileHint(accepted, formatSize(q.maxSizeBytes, locale))].filter(Boolean).join(' ')}
      </p>
      <input
        id={inputId}
        type="file"
        className="file-input"
        accept={q.allowedTypes.join(',')}
        required={q.required}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
        disabled={isDisabled || busy}
        onChange={(e) => upload(e.currentTarget.files?.[0])}
      />
      <p role="status" className="file-status">
        {busy
          ? f.uploading
          : uploaded
            ? f.uploaded(uploaded.filename, formatSize(uploaded.size, locale))
            : typeof value === 'string' && value
              ? f.fileOnRecord
              : ''}
      </p>
      {typeof value === 'string' && value && (
        <p className="small">
          <a className="link link-inline" href={callsPaths.file(slug, value)} download>
            {f.download(label)}
          </a>
        </p>
      )}
      {shownError && (
        <p id={errorId} className="field-error">
          {shownError}
        </p>
      )}
    </div>
  );
}
