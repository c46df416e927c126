ALTER TABLE `episodes` ADD `borough_at_referral` text;--> statement-breakpoint
ALTER TABLE `group_events` ADD `mode` text;--> statement-breakpoint
-- Referrals recorded before this field: the person's borough now is the best there is to go on.
UPDATE `episodes` SET `borough_at_referral` = (SELECT `borough` FROM `people` WHERE `people`.`id` = `episodes`.`person_id`);
