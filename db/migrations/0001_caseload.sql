CREATE TABLE `contact_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`attempted_on` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
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
CREATE INDEX `attempts_episode_idx` ON `contact_attempts` (`episode_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`contact_on` text NOT NULL,
	`start_time` text,
	`minutes` integer,
	`mode` text NOT NULL,
	`type` text NOT NULL,
	`attendance` text,
	`topics` text DEFAULT '[]' NOT NULL,
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
CREATE INDEX `contacts_episode_idx` ON `contacts` (`episode_id`,`contact_on`);--> statement-breakpoint
CREATE INDEX `contacts_date_idx` ON `contacts` (`contact_on`);--> statement-breakpoint
CREATE INDEX `contacts_planned_idx` ON `contacts` (`contact_on`) WHERE attendance IS NULL;--> statement-breakpoint
CREATE TABLE `episode_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`closed_on` text NOT NULL,
	`reason` text NOT NULL,
	`summary` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`reopened_at` text,
	`reopened_by` integer,
	`reopen_reason` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `closures_episode_idx` ON `episode_closures` (`episode_id`);--> statement-breakpoint
CREATE TABLE `goal_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_reviews_goal_idx` ON `goal_reviews` (`goal_id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`description` text NOT NULL,
	`area` text NOT NULL,
	`set_on` text NOT NULL,
	`review_by` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goals_episode_idx` ON `goals` (`episode_id`);--> statement-breakpoint
CREATE INDEX `goals_due_idx` ON `goals` (`review_by`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `group_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`title` text,
	`held_on` text NOT NULL,
	`start_time` text,
	`facilitator` text NOT NULL,
	`site_id` integer,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_events_date_idx` ON `group_events` (`held_on`);--> statement-breakpoint
CREATE TABLE `group_participants` (
	`event_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`registered` integer NOT NULL,
	`attended` integer,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	PRIMARY KEY(`event_id`, `person_id`),
	FOREIGN KEY (`event_id`) REFERENCES `group_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_participants_person_idx` ON `group_participants` (`person_id`);--> statement-breakpoint
CREATE TABLE `risk_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`episode_id` integer,
	`raised_on` text NOT NULL,
	`description` text NOT NULL,
	`action_taken` text,
	`escalated` integer DEFAULT false NOT NULL,
	`escalated_on` text,
	`resolved_on` text,
	`resolved_by` integer,
	`resolution_note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_person_idx` ON `risk_flags` (`person_id`);--> statement-breakpoint
CREATE INDEX `risk_open_idx` ON `risk_flags` (`resolved_on`);--> statement-breakpoint
CREATE TABLE `signposting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`episode_id` integer NOT NULL,
	`service_type` text NOT NULL,
	`made_on` text NOT NULL,
	`organisation` text,
	`outcome` text DEFAULT 'pending' NOT NULL,
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
CREATE INDEX `signposting_episode_idx` ON `signposting` (`episode_id`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`ods_code` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE `episodes` ADD `referral_source` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `pathway` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `referrer_organisation` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `referral_reasons` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `re_engaging` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `newly_diagnosed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `referral_status` text DEFAULT 'received' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `first_contact_on` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `last_contact_on` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `updated_by` integer REFERENCES members(id);--> statement-breakpoint
CREATE INDEX `episodes_waiting_idx` ON `episodes` (`referral_received_on`) WHERE closed_on IS NULL AND first_contact_on IS NULL AND referral_status IN ('received', 'contact_attempted');--> statement-breakpoint
CREATE INDEX `episodes_inactive_idx` ON `episodes` (coalesce("last_contact_on", "first_contact_on")) WHERE closed_on IS NULL AND first_contact_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `episodes_last_contact_idx` ON `episodes` (`last_contact_on`);--> statement-breakpoint
ALTER TABLE `people` ADD `hospital_number` text;--> statement-breakpoint
ALTER TABLE `people` ADD `gender_identity` text;--> statement-breakpoint
ALTER TABLE `people` ADD `sexual_orientation` text;--> statement-breakpoint
ALTER TABLE `people` ADD `ethnic_category` text;--> statement-breakpoint
ALTER TABLE `people` ADD `borough` text;--> statement-breakpoint
ALTER TABLE `people` ADD `first_language` text;--> statement-breakpoint
ALTER TABLE `people` ADD `interpreter_needed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `people` ADD `email` text;--> statement-breakpoint
ALTER TABLE `people` ADD `contact_consent` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `safe_to_leave_message` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `diagnosis_month` text;--> statement-breakpoint
ALTER TABLE `people` ADD `clinic_site_id` integer REFERENCES sites(id);--> statement-breakpoint
ALTER TABLE `people` ADD `latest_episode_id` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `updated_by` integer REFERENCES members(id);--> statement-breakpoint
CREATE INDEX `people_hospital_number_idx` ON `people` (`hospital_number`);--> statement-breakpoint
CREATE INDEX `people_birth_idx` ON `people` (`date_of_birth`);--> statement-breakpoint
-- Records made before this version: updated = created; each person's newest episode noted.
UPDATE `episodes` SET `updated_at` = `created_at`, `updated_by` = `created_by` WHERE `updated_at` = '';--> statement-breakpoint
UPDATE `people` SET `updated_by` = `created_by` WHERE `updated_by` IS NULL;--> statement-breakpoint
UPDATE `people` SET `latest_episode_id` = (SELECT max(`id`) FROM `episodes` WHERE `episodes`.`person_id` = `people`.`id`);
