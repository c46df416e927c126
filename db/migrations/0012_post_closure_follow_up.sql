-- A follow-up recorded 6–12 months after an episode closed (sustained change) is marked, and the
-- monthly return reads the mark from assessments_episode_idx alone, as it reads the rest of a series.
DROP INDEX `assessments_episode_idx`;--> statement-breakpoint
ALTER TABLE `assessments` ADD `after_closure` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `assessments_episode_idx` ON `assessments` (`episode_id`,`instrument`,`completed_on`,`id`,`primary_score`,`after_closure`);