import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from '../ui/index.ts';

/** The way to leave a message for the next page: `navigate(to, { state: noticeState('signedOut') })`. */
export function noticeState(notice: 'signedOut' | 'passwordChanged') {
  return { notice };
}

/** Shows the message left by the previous page, if any. */
export function Notice() {
  const { t } = useI18n();
  const state = useLocation().state as { notice?: string } | null;
  const text = state?.notice ? t.notices[state.notice] : undefined;
  return text ? <Alert tone="success">{text}</Alert> : null;
}
