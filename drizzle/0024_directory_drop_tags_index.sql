-- An organisation's tags are searched and counted in the search tables (organization_search.tags,
-- tags_key); nothing reads organizations.tags through this GIN index any more, and every write of
-- an organisation paid for it (4.8 MB at 100,000 organisations).
DROP INDEX "organizations_tags_idx";
