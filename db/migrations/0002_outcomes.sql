CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`instrument` text NOT NULL,
	`completed_on` text NOT NULL,
	`method` text NOT NULL,
	`responses` text NOT NULL,
	`scores` text NOT NULL,
	`primary_score` real NOT NULL,
	`prorated` integer DEFAULT false NOT NULL,
	`scoring_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_episode_idx` ON `assessments` (`episode_id`,`instrument`,`completed_on`);--> statement-breakpoint
CREATE TABLE `engagement_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`viral_load_undetectable` integer,
	`viral_load_on` text,
	`adherence` text,
	`appointments_kept` integer,
	`appointments_missed` integer,
	`reengaged_in_care` integer,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engagement_episode_idx` ON `engagement_reviews` (`episode_id`,`reviewed_on`);