ALTER TABLE `export_log` ADD `audit_entries` integer;--> statement-breakpoint
ALTER TABLE `export_log` ADD `audit_hash` text;