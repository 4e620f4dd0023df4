import { apiRequest } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';

/** The identity endpoints used by the web app. */
export const identityApi = {
  session: () => apiRequest<SessionInfo>('/api/v1/auth/session'),
  signIn: (email: string, password: string) =>
    apiRequest<SessionInfo>('/api/v1/auth/sign-in', { method: 'POST', body: { email, password } }),
  signOut: () => apiRequest<void>('/api/v1/auth/sign-out', { method: 'POST' }),
  requestMagicLink: (email: string) => apiRequest<{ accepted: true }>('/api/v1/auth/magic-link', { method: 'POST', body: { email } }),
  verifyMagicLink: (token: string) => apiRequest<SessionInfo>('/api/v1/auth/magic-link/verify', { method: 'POST', body: { token } }),
  requestPasswordReset: (email: string) =>
    apiRequest<{ accepted: true }>('/api/v1/auth/password-reset', { method: 'POST', body: { email } }),
  confirmPasswordReset: (token: string, password: string) =>
    apiRequest<void>('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password } }),
};
