/**
 * One error type for the whole server. Services throw `AppError` with a closed code;
 * the HTTP layer maps the code to a status and a translated title (problem+json, RFC 9457).
 */
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_body'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'territory_not_found'
  | 'user_not_found'
  | 'conflict'
  | 'email_taken'
  | 'slug_taken'
  | 'token_invalid'
  | 'rate_limited'
  | 'method_not_allowed'
  | 'unknown_commune'
  | 'unknown_epci'
  | 'organization_not_found'
  | 'person_not_found'
  | 'relationship_not_found'
  | 'unknown_theme'
  | 'organization_exists'
  | 'person_exists'
  | 'consent_required'
  | 'invalid_csv'
  | 'import_rejected'
  | 'interaction_not_found'
  | 'reminder_not_found'
  | 'place_not_found'
  | 'resource_not_found'
  | 'closure_not_found'
  | 'booking_not_found'
  | 'booking_conflict'
  | 'booking_not_allowed'
  | 'qualification_required'
  | 'booking_not_cancellable'
  | 'booking_not_pending'
  | 'check_in_closed'
  | 'booking_rules'
  | 'qualification_not_found'
  | 'user_qualification_not_found'
  | 'qualification_already_revoked'
  | 'training_not_found'
  | 'training_full'
  | 'training_started'
  | 'training_not_started'
  | 'already_enrolled'
  | 'enrolment_not_found'
  // calls
  | 'call_not_found'
  | 'call_not_open'
  | 'call_transition'
  | 'form_locked'
  | 'application_not_found'
  | 'application_exists'
  | 'application_locked'
  | 'not_affiliated'
  | 'stage_not_found'
  | 'stage_order'
  | 'stage_in_use'
  | 'reviewer_not_found'
  | 'review_not_found'
  | 'review_locked'
  | 'declaration_required'
  | 'conflict_of_interest'
  | 'assignment_infeasible'
  | 'reminder_too_soon'
  | 'file_not_found'
  | 'file_rejected'
  | 'programme_not_found'
  | 'cohort_not_found'
  | 'programme_enrolment_not_found'
  | 'supporter_not_found'
  | 'milestone_not_found'
  | 'programme_full'
  | 'already_in_programme'
  | 'enrolment_not_current'
  | 'waitlist_empty'
  | 'programme_slug_taken'
  | 'kpi_already_answered'
  | 'internal';

export type FieldError = { path: string; code: string; message: string };

export const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 422,
  malformed_body: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  territory_not_found: 404,
  user_not_found: 404,
  conflict: 409,
  email_taken: 409,
  slug_taken: 409,
  token_invalid: 400,
  rate_limited: 429,
  method_not_allowed: 405,
  unknown_commune: 422,
  unknown_epci: 422,
  organization_not_found: 404,
  person_not_found: 404,
  relationship_not_found: 404,
  unknown_theme: 422,
  organization_exists: 409,
  person_exists: 409,
  consent_required: 422,
  invalid_csv: 422,
  import_rejected: 422,
  interaction_not_found: 404,
  reminder_not_found: 404,
  place_not_found: 404,
  resource_not_found: 404,
  closure_not_found: 404,
  booking_not_found: 404,
  booking_conflict: 409,
  booking_not_allowed: 403,
  qualification_required: 403,
  booking_not_cancellable: 409,
  booking_not_pending: 409,
  check_in_closed: 409,
  booking_rules: 422,
  qualification_not_found: 404,
  user_qualification_not_found: 404,
  qualification_already_revoked: 409,
  training_not_found: 404,
  training_full: 409,
  training_started: 422,
  training_not_started: 422,
  already_enrolled: 409,
  enrolment_not_found: 404,
  // calls
  call_not_found: 404,
  call_not_open: 422,
  call_transition: 409,
  form_locked: 409,
  application_not_found: 404,
  application_exists: 409,
  application_locked: 409,
  not_affiliated: 403,
  stage_not_found: 404,
  stage_order: 409,
  stage_in_use: 409,
  reviewer_not_found: 404,
  review_not_found: 404,
  review_locked: 409,
  declaration_required: 403,
  conflict_of_interest: 403,
  assignment_infeasible: 422,
  reminder_too_soon: 429,
  file_not_found: 404,
  file_rejected: 422,
  programme_not_found: 404,
  cohort_not_found: 404,
  programme_enrolment_not_found: 404,
  supporter_not_found: 404,
  milestone_not_found: 404,
  programme_full: 409,
  already_in_programme: 409,
  enrolment_not_current: 409,
  waitlist_empty: 409,
  programme_slug_taken: 409,
  kpi_already_answered: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(code: ErrorCode, message?: string, opts: { details?: Record<string, unknown>; errors?: FieldError[] } = {}) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.errors = opts.errors;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
