DROP INDEX `contacts_episode_idx`;--> statement-breakpoint
CREATE INDEX `contacts_episode_idx` ON `contacts` (`episode_id`,`contact_on`,`attendance`);