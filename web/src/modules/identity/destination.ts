import type { SessionInfo } from '../../api/types.ts';

/**
 * Where to go after signing in: the page asked for (`?next=`, same site only), else the person's
 * only territory, else the list of territories.
 */
export function destinationAfterSignIn(session: SessionInfo, next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  const [only, ...others] = session.memberships;
  return only && others.length === 0 ? `/t/${only.slug}` : '/';
}

/** Reads a token from the fragment of a link (`#token=…`), which never reaches the server's logs. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

/** Removes the token from the address bar so that it is not kept in the history or shared. */
export function forgetHash(): void {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
