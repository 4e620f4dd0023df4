import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, LiveRegion, TextField } from '../../ui/index.ts';
import { checkEmail, errorsOf, useFormState } from './form-state.ts';

export type EmailRequestFormProps = {
  /** The API call made with the address. */
  send: (email: string) => Promise<unknown>;
  submitLabel: string;
  sentMessage: string;
};

/** One e-mail field that asks the server to send a link (sign-in or password reset). */
export function EmailRequestForm({ send, submitLabel, sentMessage }: EmailRequestFormProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormState(() => errorsOf({ email: checkEmail(email, t) }));

  const onSubmit = form.submit(async () => {
    setSent(false);
    await send(email.trim());
    setSent(true);
  });

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <LiveRegion>
        {sent && (
          <Alert tone="success" announce={false}>
            {sentMessage}
          </Alert>
        )}
      </LiveRegion>
      <ProblemAlert error={form.problem} />
      <TextField
        label={t.signIn.email}
        description={t.signIn.emailHint}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        errorMessage={form.fieldErrors.email}
        isRequired
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" isDisabled={form.pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
