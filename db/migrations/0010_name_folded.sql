ALTER TABLE `people` ADD `name_folded` text;--> statement-breakpoint
-- Hand-written: fold the names already on the caseload. fold_name is core/domain/nameFolding.ts's
-- foldName, registered on the connection by db/migrate.ts before any migration runs (SQL alone
-- cannot do Unicode decomposition), so the backfill is in the same transaction as the column.
UPDATE `people` SET `name_folded` = fold_name(`preferred_name`);--> statement-breakpoint
CREATE INDEX `people_search_idx` ON `people` (`name_folded`,`case_id`,`hospital_number`,`nhs_number`);
