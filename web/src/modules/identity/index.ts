/** Identity in the web app: who is signed in, and the pages to sign in, out and reset a password. */
export { ForgotPasswordPage } from './forgot-password-page.tsx';
export { MagicLinkPage } from './magic-link-page.tsx';
export { ResetPasswordPage } from './reset-password-page.tsx';
export { isTerritoryAdmin, SessionProvider, useSession } from './session.tsx';
export { SignInPage } from './sign-in-page.tsx';
