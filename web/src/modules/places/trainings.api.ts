import type {
  TCreateQualificationRequest,
  TCreateTrainingRequest,
  TEnrolment,
  THeldQualification,
  TQualification,
  TRoster,
  TRosterEntry,
  TTraining,
} from '../../../../src/modules/places/trainings.contract.ts';
import { qs } from './places.api.ts';

/** The trainings' shapes, taken from the server's contract. */
export type Qualification = TQualification;
export type Training = TTraining;
export type Enrolment = TEnrolment;
export type HeldQualification = THeldQualification;
export type Roster = TRoster;
export type RosterEntry = TRosterEntry;
export type CreateQualificationRequest = TCreateQualificationRequest;
export type CreateTrainingRequest = TCreateTrainingRequest;

const t = (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`;
const id = encodeURIComponent;

/** The trainings and check-in endpoints used by the web app. */
export const trainingsPaths = {
  qualifications: (slug: string) => `${t(slug)}/qualifications`,
  myQualifications: (slug: string) => `${t(slug)}/my/qualifications`,
  trainings: (slug: string) => `${t(slug)}/trainings`,
  trainingList: (slug: string, upcoming: boolean) => `${t(slug)}/trainings${qs({ upcoming: String(upcoming), pageSize: 100 })}`,
  roster: (slug: string, trainingId: string) => `${t(slug)}/trainings/${id(trainingId)}/roster`,
  enrol: (slug: string, trainingId: string) => `${t(slug)}/trainings/${id(trainingId)}/enrolments`,
  myEnrolment: (slug: string, trainingId: string) => `${t(slug)}/trainings/${id(trainingId)}/enrolments/me`,
  attendance: (slug: string, trainingId: string) => `${t(slug)}/trainings/${id(trainingId)}/attendance`,
  checkIn: (token: string) => `/api/v1/check-in/${id(token)}`,
};
