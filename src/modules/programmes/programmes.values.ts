/**
 * The programmes module's closed lists, with no imports: the tables, the contracts and the web app
 * all read them from here.
 */
export const programmeKinds = ['incubation', 'acceleration', 'residency', 'other'] as const;
/** By cohorts (promotions with dates) or continuous (companies enter whenever a seat is free). */
export const programmeEntries = ['cohorts', 'continuous'] as const;
/** `exited`: left after being active (an alumnus); `withdrawn`: left the waitlist without entering. */
export const enrolmentStatuses = ['active', 'waitlisted', 'exited', 'withdrawn'] as const;
export const exitReasons = ['completed', 'abandoned', 'excluded', 'moved', 'other'] as const;
export const supporterRoles = ['mentor', 'expert'] as const;
/** Stored statuses of a milestone; `late` is computed (planned and due before today in the territory's zone). */
export const milestoneStatuses = ['planned', 'done', 'dropped'] as const;
export const enrolmentSources = ['application', 'staff'] as const;
