ALTER TABLE `episodes` ADD `borough_at_referral` text;--> statement-breakpoint
CREATE INDEX `episodes_open_idx` ON `episodes` (`referral_received_on`,`pathway`,`referral_source`,`first_contact_on`,`person_id`) WHERE closed_on IS NULL;--> statement-breakpoint
CREATE INDEX `episodes_first_contact_idx` ON `episodes` (`first_contact_on`) WHERE first_contact_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `engagement_date_idx` ON `engagement_reviews` (`reviewed_on`);--> statement-breakpoint
CREATE INDEX `closures_date_idx` ON `episode_closures` (`closed_on`);--> statement-breakpoint
CREATE INDEX `closures_reopened_idx` ON `episode_closures` (`reopened_at`,`closed_on`,`episode_id`) WHERE reopened_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `goal_reviews_achieved_idx` ON `goal_reviews` (`reviewed_on`,`goal_id`) WHERE status = 'achieved';--> statement-breakpoint
CREATE INDEX `goals_set_idx` ON `goals` (`set_on`);--> statement-breakpoint
CREATE INDEX `signposting_date_idx` ON `signposting` (`made_on`);--> statement-breakpoint
-- Referrals recorded before this field: the person's borough now is the best there is to go on.
UPDATE `episodes` SET `borough_at_referral` = (SELECT `borough` FROM `people` WHERE `people`.`id` = `episodes`.`person_id`);
