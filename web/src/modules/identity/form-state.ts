import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fieldProblems } from '../../api/client.ts';
import type { Messages } from '../../i18n/fr.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type FieldErrors = Record<string, string>;

/** Server field errors in the interface's words, keyed by field name. */
function localize(error: unknown, t: Messages): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, p] of Object.entries(fieldProblems(error))) {
    if (field === 'email') out[field] = t.fieldErrors.email;
    else if (field === 'password' && p.code === 'too_small') out[field] = t.fieldErrors.passwordTooShort;
    else out[field] = p.message;
  }
  return out;
}

/**
 * The state of a form that calls the API: field errors (checked here first, then by the server),
 * the server's problem, and whether a call is under way. After an error, focus goes to the first
 * invalid field so that its message is read.
 */
export function useFormState(validate: () => FieldErrors) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const submit = (action: () => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = validate();
    setFieldErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setPending(true);
    try {
      await action();
    } catch (error) {
      const serverFields = localize(error, t);
      setProblem(error);
      setFieldErrors(serverFields);
      if (Object.keys(serverFields).length > 0) setFocusRequest((n) => n + 1);
    } finally {
      setPending(false);
    }
  };

  return { formRef, fieldErrors, problem, pending, submit };
}

/** The usual checks of an e-mail field, in the interface's words. */
export function checkEmail(email: string, t: Messages): string | undefined {
  if (!email.trim()) return t.fieldErrors.required;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return t.fieldErrors.email;
  return undefined;
}

/** Drops the fields without error. */
export function errorsOf(entries: Record<string, string | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => Boolean(e[1])));
}
