-- The sort by name now reads people_search_idx (name_folded first), so the index on the lower-cased
-- preferred name serves nothing and only slows each write.
DROP INDEX `people_name_idx`;--> statement-breakpoint
-- Hand-written note: no backfill. Nobody has a given or family name yet, and name_folded already
-- holds the folded preferred name, which is what nameKey writes for a person with only that.
ALTER TABLE `people` ADD `given_name` text;--> statement-breakpoint
ALTER TABLE `people` ADD `family_name` text;
