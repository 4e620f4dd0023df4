/** The calls module's closed lists, with no imports: tables, contracts and services read them from here. */
export const callStatuses = ['draft', 'published', 'closed', 'archived'] as const;
export const intakeKinds = ['window', 'continuous'] as const;
export const applicationStatuses = ['draft', 'submitted', 'ineligible', 'withdrawn', 'selected', 'waitlisted', 'rejected'] as const;
export const decisionKinds = ['selected', 'waitlisted', 'rejected'] as const;
export const conflictKinds = ['same_organization', 'investor', 'partner', 'personal', 'other'] as const;
export const reviewStatuses = ['assigned', 'draft', 'submitted'] as const;
export const recommendations = ['yes', 'maybe', 'no'] as const;
export const pairRules = ['pin', 'forbid'] as const;

export type TCallStatus = (typeof callStatuses)[number];
export type TApplicationStatus = (typeof applicationStatuses)[number];
export type TDecisionKind = (typeof decisionKinds)[number];
