CREATE TABLE `assessment_schedule` (
	`episode_id` integer NOT NULL,
	`instrument` text NOT NULL,
	`started_on` text NOT NULL,
	`last_completed_on` text,
	PRIMARY KEY(`episode_id`, `instrument`),
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_schedule_baseline_idx` ON `assessment_schedule` (`started_on`,`episode_id`,`instrument`) WHERE last_completed_on IS NULL;--> statement-breakpoint
CREATE INDEX `assessment_schedule_follow_up_idx` ON `assessment_schedule` (`last_completed_on`,`episode_id`,`instrument`) WHERE last_completed_on IS NOT NULL;--> statement-breakpoint
-- Kept by the database itself, so every writer (the app, the bulk loader, a restore) agrees.
-- The instrument list is the catalogue's (core/domain/instruments/definitions INSTRUMENT_IDS); a
-- migration that adds an instrument must add it here too (tests/integration/myDay.test.ts checks).
-- An episode that starts, closes, reopens or whose first contact moves has its rows rebuilt.
CREATE TRIGGER `assessment_schedule_episode_insert` AFTER INSERT ON `episodes`
WHEN NEW.closed_on IS NULL AND NEW.first_contact_on IS NOT NULL BEGIN
  INSERT INTO assessment_schedule (episode_id, instrument, started_on, last_completed_on)
    SELECT NEW.id, i.value, NEW.first_contact_on, (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = NEW.id AND a.instrument = i.value)
      FROM json_each('["swemwbs","wemwbs","phq9","gad7","ons4","pozqol"]') i;
END;--> statement-breakpoint
CREATE TRIGGER `assessment_schedule_episode_update` AFTER UPDATE OF first_contact_on, closed_on ON `episodes`
WHEN OLD.first_contact_on IS NOT NEW.first_contact_on OR OLD.closed_on IS NOT NEW.closed_on BEGIN
  DELETE FROM assessment_schedule WHERE episode_id = OLD.id;
  INSERT INTO assessment_schedule (episode_id, instrument, started_on, last_completed_on)
    SELECT NEW.id, i.value, NEW.first_contact_on, (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = NEW.id AND a.instrument = i.value)
      FROM json_each('["swemwbs","wemwbs","phq9","gad7","ons4","pozqol"]') i
     WHERE NEW.closed_on IS NULL AND NEW.first_contact_on IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `assessment_schedule_episode_delete` BEFORE DELETE ON `episodes` BEGIN
  DELETE FROM assessment_schedule WHERE episode_id = OLD.id;
END;--> statement-breakpoint
-- An assessment recorded, moved or removed: the latest of its kind is looked up again (one
-- index seek); rows exist only for open, started episodes, so the others cost nothing.
CREATE TRIGGER `assessment_schedule_assessment_insert` AFTER INSERT ON `assessments` BEGIN
  UPDATE assessment_schedule SET last_completed_on = (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = NEW.episode_id AND a.instrument = NEW.instrument)
   WHERE episode_id = NEW.episode_id AND instrument = NEW.instrument;
END;--> statement-breakpoint
CREATE TRIGGER `assessment_schedule_assessment_update` AFTER UPDATE OF episode_id, instrument, completed_on ON `assessments` BEGIN
  UPDATE assessment_schedule SET last_completed_on = (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = OLD.episode_id AND a.instrument = OLD.instrument)
   WHERE episode_id = OLD.episode_id AND instrument = OLD.instrument;
  UPDATE assessment_schedule SET last_completed_on = (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = NEW.episode_id AND a.instrument = NEW.instrument)
   WHERE episode_id = NEW.episode_id AND instrument = NEW.instrument;
END;--> statement-breakpoint
CREATE TRIGGER `assessment_schedule_assessment_delete` AFTER DELETE ON `assessments` BEGIN
  UPDATE assessment_schedule SET last_completed_on = (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = OLD.episode_id AND a.instrument = OLD.instrument)
   WHERE episode_id = OLD.episode_id AND instrument = OLD.instrument;
END;--> statement-breakpoint
-- Existing caseloads: every open, started episode as it stands.
INSERT INTO assessment_schedule (episode_id, instrument, started_on, last_completed_on)
  SELECT e.id, i.value, e.first_contact_on, (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = e.id AND a.instrument = i.value)
    FROM episodes e CROSS JOIN json_each('["swemwbs","wemwbs","phq9","gad7","ons4","pozqol"]') i
   WHERE e.closed_on IS NULL AND e.first_contact_on IS NOT NULL;
