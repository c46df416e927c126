CREATE TABLE `export_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exported_at` text NOT NULL,
	`member_id` integer NOT NULL,
	`profile_id` text NOT NULL,
	`profile_name` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`rows` integer NOT NULL,
	`identifiable` integer NOT NULL,
	`encrypted` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `export_log_at_idx` ON `export_log` (`exported_at`);--> statement-breakpoint
CREATE TABLE `export_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`profile` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
