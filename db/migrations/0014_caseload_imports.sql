CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`people` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`undone_at` text,
	`undone_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `episodes` ADD `import_batch_id` integer REFERENCES import_batches(id);--> statement-breakpoint
ALTER TABLE `people` ADD `import_batch_id` integer REFERENCES import_batches(id);