/**
 * Facts about this installation, set when the web app is built: `VITE_CONTACT_EMAIL` is the
 * address shown in the accessibility statement for feedback.
 */
export const site = {
  contactEmail: import.meta.env.VITE_CONTACT_EMAIL || 'accessibilite@totem.localhost',
  /** Date on which the accessibility statement was last established. */
  statementDate: '2026-11-23',
};
