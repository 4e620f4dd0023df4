/**
 * Every Drizzle table, gathered for the query builder and drizzle-kit.
 * Tables are defined only in their module's `*.tables.ts`.
 */

export * from '../../modules/calls/calls.tables.ts';
export * from '../../modules/directory/directory.tables.ts';
export * from '../../modules/identity/identity.tables.ts';
export * from '../../modules/places/places.tables.ts';
export * from '../../modules/programmes/programmes.tables.ts';
export * from '../../modules/territories/territories.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../mail/mail.tables.ts';
