import type { Locale } from '../i18n/locale.ts';
import type { ErrorCode } from './app-error.ts';

/** Titles shown to people, per error code and locale. */
export const errorTitles: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: { fr: 'Certaines données sont invalides.', en: 'Some of the data is invalid.' },
  malformed_body: {
    fr: 'Le corps de la requête est illisible (JSON mal formé).',
    en: 'The request body could not be read (malformed JSON).',
  },
  body_too_large: { fr: 'Le corps de la requête est trop volumineux.', en: 'The request body is too large.' },
  unsupported_media_type: { fr: 'Type de contenu non pris en charge.', en: 'Unsupported content type.' },
  unauthenticated: { fr: 'Vous devez vous connecter.', en: 'You need to sign in.' },
  invalid_credentials: { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong e-mail address or password.' },
  forbidden: { fr: "Vous n'avez pas le droit de faire cela.", en: 'You are not allowed to do this.' },
  csrf_failed: { fr: 'Jeton anti-falsification (CSRF) absent ou invalide.', en: 'Missing or invalid anti-forgery (CSRF) token.' },
  not_found: { fr: 'Ressource introuvable.', en: 'Resource not found.' },
  territory_not_found: { fr: 'Territoire introuvable.', en: 'Territory not found.' },
  user_not_found: { fr: 'Compte introuvable.', en: 'Account not found.' },
  conflict: { fr: "L'opération entre en conflit avec l'état actuel.", en: 'The operation conflicts with the current state.' },
  email_taken: { fr: 'Un compte existe déjà avec cette adresse e-mail.', en: 'An account already exists with this e-mail address.' },
  slug_taken: { fr: 'Cet identifiant est déjà utilisé.', en: 'This identifier is already in use.' },
  token_invalid: { fr: 'Ce lien est invalide ou a expiré.', en: 'This link is invalid or has expired.' },
  rate_limited: { fr: 'Trop de tentatives. Réessayez plus tard.', en: 'Too many attempts. Try again later.' },
  method_not_allowed: { fr: 'Méthode non autorisée.', en: 'Method not allowed.' },
  unknown_commune: { fr: 'Code INSEE de commune inconnu.', en: 'Unknown commune INSEE code.' },
  unknown_epci: { fr: 'SIREN d’EPCI inconnu.', en: 'Unknown EPCI SIREN.' },
  organization_not_found: { fr: 'Structure introuvable.', en: 'Organisation not found.' },
  person_not_found: { fr: 'Personne introuvable.', en: 'Person not found.' },
  relationship_not_found: { fr: 'Relation introuvable.', en: 'Relationship not found.' },
  unknown_theme: { fr: 'Thématique inconnue sur ce territoire.', en: 'Unknown theme in this territory.' },
  organization_exists: {
    fr: 'Une structure existe déjà avec ce SIRET ou cet identifiant externe.',
    en: 'An organisation already exists with this SIRET or external identifier.',
  },
  person_exists: {
    fr: 'Une personne existe déjà avec cette adresse e-mail ou cet identifiant externe.',
    en: 'A person already exists with this e-mail address or external identifier.',
  },
  consent_required: {
    fr: 'Un profil public exige le consentement de la personne.',
    en: "A public profile requires the person's consent.",
  },
  invalid_csv: { fr: 'Le fichier CSV est illisible ou incomplet.', en: 'The CSV file is unreadable or incomplete.' },
  import_rejected: {
    fr: "Import refusé : des lignes sont invalides, rien n'a été enregistré.",
    en: 'Import rejected: some rows are invalid, nothing was saved.',
  },
  interaction_not_found: { fr: 'Échange introuvable.', en: 'Interaction not found.' },
  reminder_not_found: { fr: 'Relance introuvable.', en: 'Reminder not found.' },
  place_not_found: { fr: 'Lieu introuvable.', en: 'Place not found.' },
  resource_not_found: { fr: 'Ressource introuvable.', en: 'Resource not found.' },
  closure_not_found: { fr: 'Fermeture introuvable.', en: 'Closure not found.' },
  booking_not_found: { fr: 'Réservation introuvable.', en: 'Booking not found.' },
  booking_conflict: {
    fr: 'Ce créneau n’est plus disponible : il chevauche une autre réservation.',
    en: 'This slot is no longer available: it overlaps another booking.',
  },
  booking_not_allowed: {
    fr: 'Cette ressource n’est pas réservable par vous.',
    en: 'You may not book this resource.',
  },
  qualification_required: {
    fr: 'Cette machine exige une habilitation valide, obtenue lors d’une formation.',
    en: 'This machine requires a valid qualification, earned at a training.',
  },
  booking_not_cancellable: {
    fr: 'Le délai d’annulation de cette réservation est dépassé.',
    en: 'The cancellation deadline of this booking has passed.',
  },
  booking_not_pending: { fr: 'Cette demande a déjà été traitée.', en: 'This request has already been dealt with.' },
  check_in_closed: {
    fr: "Le pointage de l'arrivée est ouvert de 15 minutes avant le début jusqu'à la fin d'une réservation confirmée.",
    en: 'Check-in is open from 15 minutes before the start until the end of a confirmed booking.',
  },
  booking_rules: { fr: 'Cette réservation ne respecte pas les règles de la ressource.', en: "This booking breaks the resource's rules." },
  qualification_not_found: { fr: 'Habilitation introuvable.', en: 'Qualification not found.' },
  user_qualification_not_found: { fr: 'Habilitation de cette personne introuvable.', en: "This person's qualification was not found." },
  qualification_already_revoked: { fr: 'Cette habilitation a déjà été retirée.', en: 'This qualification has already been revoked.' },
  training_not_found: { fr: 'Session de formation introuvable.', en: 'Training session not found.' },
  training_full: { fr: 'Cette session de formation est complète.', en: 'This training session is full.' },
  training_started: {
    fr: 'Cette session de formation a déjà commencé : inscription et désinscription sont closes.',
    en: 'This training session has already started: enrolling and cancelling are closed.',
  },
  training_not_started: {
    fr: 'La présence se note une fois la session commencée.',
    en: 'Attendance is marked once the session has started.',
  },
  already_enrolled: { fr: 'Vous êtes déjà inscrit·e à cette session.', en: 'You are already enrolled in this session.' },
  enrolment_not_found: { fr: 'Inscription introuvable.', en: 'Enrolment not found.' },
  // calls
  call_not_found: { fr: 'Appel à projets introuvable.', en: 'Call for projects not found.' },
  call_not_open: {
    fr: "Cet appel n'accepte pas de candidature en ce moment (hors période ou non publié).",
    en: 'This call is not accepting applications right now (outside its window or not published).',
  },
  call_transition: { fr: "Ce changement de statut de l'appel n'est pas permis.", en: "This change of the call's status is not allowed." },
  form_locked: {
    fr: 'Le formulaire ne peut plus être modifié : une candidature a déjà été déposée.',
    en: 'The form can no longer be edited: an application has already been submitted.',
  },
  application_not_found: { fr: 'Candidature introuvable.', en: 'Application not found.' },
  application_exists: {
    fr: 'Cette structure a déjà une candidature à cet appel.',
    en: 'This organisation already has an application to this call.',
  },
  application_locked: {
    fr: 'Cette candidature ne peut plus être modifiée dans son état actuel.',
    en: 'This application can no longer be changed in its current state.',
  },
  not_affiliated: {
    fr: "Vous n'êtes pas rattaché·e à cette structure dans l'annuaire.",
    en: 'You are not affiliated with this organisation in the directory.',
  },
  stage_not_found: { fr: "Étape d'évaluation introuvable.", en: 'Review stage not found.' },
  stage_order: {
    fr: "Les candidatures passent d'une étape à la suivante, dans l'ordre.",
    en: 'Applications move from one stage to the next, in order.',
  },
  stage_in_use: {
    fr: 'Cette étape contient des candidatures ou des évaluations : elle ne peut pas être supprimée.',
    en: 'This stage holds applications or reviews: it cannot be deleted.',
  },
  reviewer_not_found: { fr: 'Évaluateur ou évaluatrice introuvable sur ce jury.', en: 'Reviewer not found on this panel.' },
  review_not_found: { fr: 'Évaluation introuvable.', en: 'Review not found.' },
  review_locked: {
    fr: 'Cette évaluation est déjà soumise : elle ne peut plus changer.',
    en: 'This review has already been submitted: it can no longer change.',
  },
  declaration_required: {
    fr: "Déclarez d'abord l'absence ou l'existence d'un conflit d'intérêts.",
    en: 'First declare whether you have a conflict of interest.',
  },
  conflict_of_interest: {
    fr: "Un conflit d'intérêts vous empêche d'évaluer cette candidature.",
    en: 'A conflict of interest prevents you from reviewing this application.',
  },
  assignment_infeasible: {
    fr: 'Aucune répartition des évaluations ne respecte ces contraintes.',
    en: 'No assignment of reviews satisfies these constraints.',
  },
  reminder_too_soon: {
    fr: 'Une relance a déjà été envoyée à cette personne il y a moins de 24 heures.',
    en: 'A reminder was already sent to this person less than 24 hours ago.',
  },
  file_not_found: { fr: 'Fichier introuvable.', en: 'File not found.' },
  file_rejected: {
    fr: "Ce fichier n'est pas accepté (type, taille ou contenu).",
    en: 'This file is not accepted (type, size or content).',
  },
  programme_not_found: { fr: 'Programme introuvable.', en: 'Programme not found.' },
  cohort_not_found: { fr: 'Promotion introuvable.', en: 'Cohort not found.' },
  programme_enrolment_not_found: { fr: 'Accompagnement introuvable.', en: 'Enrolment not found.' },
  supporter_not_found: { fr: 'Mentor ou expert introuvable.', en: 'Mentor or expert not found.' },
  milestone_not_found: { fr: 'Jalon introuvable.', en: 'Milestone not found.' },
  programme_full: {
    fr: 'Le programme (ou la promotion) a atteint son plafond d’entreprises accompagnées.',
    en: 'The programme (or cohort) has reached its cap of companies accompanied.',
  },
  already_in_programme: {
    fr: 'Cette structure est déjà accompagnée ou en liste d’attente dans ce programme.',
    en: 'This organisation is already accompanied or waitlisted in this programme.',
  },
  enrolment_not_current: {
    fr: 'Cet accompagnement n’est pas dans l’état requis (déjà sorti, ou pas encore actif).',
    en: 'This enrolment is not in the required state (already exited, or not active yet).',
  },
  waitlist_empty: { fr: 'La liste d’attente est vide.', en: 'The waitlist is empty.' },
  programme_slug_taken: { fr: 'Un programme porte déjà cet identifiant.', en: 'A programme already uses this identifier.' },
  kpi_already_answered: { fr: 'Ces indicateurs ont déjà été transmis.', en: 'These figures have already been submitted.' },
  internal: { fr: 'Erreur interne. Elle a été enregistrée.', en: 'Internal error. It has been logged.' },
};
