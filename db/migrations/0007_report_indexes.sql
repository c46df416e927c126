DROP INDEX `assessments_episode_idx`;--> statement-breakpoint
CREATE INDEX `assessments_completed_idx` ON `assessments` (`completed_on`,`episode_id`);--> statement-breakpoint
CREATE INDEX `assessments_episode_idx` ON `assessments` (`episode_id`,`instrument`,`completed_on`,`id`,`primary_score`);--> statement-breakpoint
DROP INDEX `contacts_date_idx`;--> statement-breakpoint
CREATE INDEX `contacts_attended_idx` ON `contacts` (`episode_id`,`contact_on`) WHERE attendance = 'attended';--> statement-breakpoint
CREATE INDEX `contacts_date_idx` ON `contacts` (`contact_on`,`attendance`,`type`,`mode`,`episode_id`);--> statement-breakpoint
CREATE INDEX `episodes_referral_idx` ON `episodes` (`referral_received_on`);--> statement-breakpoint
CREATE INDEX `episodes_closed_idx` ON `episodes` (`closed_on`) WHERE closed_on IS NOT NULL;