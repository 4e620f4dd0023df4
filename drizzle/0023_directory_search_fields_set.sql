-- custom SQL: directory
-- An organisation's search columns are now computed for all the rows of a statement at once, in
-- the application's SQL (`searchFieldsOf` in organization-dto.ts): each text normalised once, and
-- the words of every row grouped in one pass. The per-row function of migration 0017 ran about six
-- queries for each organisation, which cost the embedded database three times the normalisation
-- itself; nothing calls it any more.
DROP FUNCTION IF EXISTS totem_organization_search_fields(text, text, text, boolean);
