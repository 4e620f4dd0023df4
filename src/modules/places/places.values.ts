/** The places module's closed lists, shared by its tables, contracts and the web app. */

export const resourceKinds = ['desk', 'room', 'office', 'machine'] as const;
export type TResourceKind = (typeof resourceKinds)[number];

/**
 * Who may book a resource: anyone (visitors give a name and an e-mail), residents of the
 * territory's communes, members (accounts with the member role), holders of the resource's
 * qualification, staff (admins, staff, place managers).
 */
export const accessAudiences = ['public', 'resident', 'member', 'qualified', 'staff'] as const;
export type TAccessAudience = (typeof accessAudiences)[number];

/** A booking holds its slot while pending or confirmed; the other statuses free it. */
export const bookingStatuses = ['pending', 'confirmed', 'cancelled', 'rejected', 'no_show'] as const;
export type TBookingStatus = (typeof bookingStatuses)[number];
export const holdingStatuses = ['pending', 'confirmed'] as const;

/** A manager's blocking (maintenance, an event) holds a slot like a booking, with no booker. */
export const bookingKinds = ['booking', 'blocking'] as const;
export type TBookingKind = (typeof bookingKinds)[number];
