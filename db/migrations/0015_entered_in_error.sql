CREATE TABLE `entered_in_error` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`episode_id` integer,
	`kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`recorded_on` text NOT NULL,
	`record` text NOT NULL,
	`reason` text NOT NULL,
	`marked_at` text NOT NULL,
	`marked_by` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entered_in_error_person_idx` ON `entered_in_error` (`person_id`);