CREATE TABLE `member_development` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`title` text,
	`hours` real,
	`supervisor` text,
	`joint_with_clinic` integer DEFAULT false NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_development_member_idx` ON `member_development` (`member_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `member_development_date_idx` ON `member_development` (`held_on`);--> statement-breakpoint
CREATE TABLE `programme_list_items` (
	`list` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`trust_code` text,
	`position` integer NOT NULL,
	`retired_at` text,
	PRIMARY KEY(`list`, `code`)
);
--> statement-breakpoint
ALTER TABLE `group_events` ADD `mode` text;--> statement-breakpoint
-- Today's codes, so existing records and exports read exactly as before.
INSERT INTO `programme_list_items` (`list`, `code`, `label`, `position`) VALUES
  ('contact_type', 'one_to_one', '1-to-1 peer support', 1),
  ('contact_type', 'accompaniment', 'Accompaniment to an appointment', 2),
  ('contact_type', 'signposting_only', 'Signposting only', 3),
  ('contact_mode', 'in_clinic', 'In person in clinic', 1),
  ('contact_mode', 'phone', 'Phone', 2),
  ('contact_mode', 'video', 'Video', 3),
  ('contact_mode', 'message', 'Message', 4),
  ('event_type', 'recently_diagnosed_workshop', 'Recently-diagnosed workshop', 1),
  ('event_type', 'support_group', 'Support group', 2),
  ('event_type', 'wellbeing_workshop', 'Wellbeing workshop', 3),
  ('event_mode', 'in_person', 'In person', 1),
  ('event_mode', 'online', 'Online', 2),
  ('signposting_category', 'counselling', 'Counselling', 1),
  ('signposting_category', 'mental_health', 'Mental health', 2),
  ('signposting_category', 'benefits_advice', 'Benefits advice', 3),
  ('signposting_category', 'housing', 'Housing', 4),
  ('signposting_category', 'immigration', 'Immigration', 5),
  ('signposting_category', 'food_support', 'Food support', 6),
  ('signposting_category', 'sexual_health', 'Sexual health', 7),
  ('signposting_category', 'other', 'Other', 8),
  ('closure_reason', 'goals_met', 'Goals met', 1),
  ('closure_reason', 'person_ended', 'Person ended support', 2),
  ('closure_reason', 'no_contact', 'No contact after attempts', 3),
  ('closure_reason', 'moved_away', 'Moved away', 4),
  ('closure_reason', 'transferred', 'Transferred', 5),
  ('closure_reason', 'died', 'Died', 6),
  ('closure_reason', 'other', 'Other', 7),
  ('referral_source', 'opt_out_clinic', 'Opt-out pathway from HIV clinic', 1),
  ('referral_source', 'clinician', 'Clinician referral', 2),
  ('referral_source', 'self', 'Self-referral', 3),
  ('referral_source', 'voluntary_sector', 'Voluntary-sector organisation', 4),
  ('referral_source', 'gp', 'GP', 5),
  ('referral_source', 'mental_health', 'Mental health service', 6),
  ('referral_source', 'other', 'Other', 7);
