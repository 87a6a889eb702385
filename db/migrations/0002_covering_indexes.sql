DROP INDEX `targets_indicator`;--> statement-breakpoint
CREATE INDEX `targets_indicator` ON `indicator_targets` (`indicator_id`,`id`,`period_id`,`year`,`value`);--> statement-breakpoint
DROP INDEX `progress_compact_state`;--> statement-breakpoint
CREATE INDEX `progress_compact_state` ON `progress_updates` (`compact_id`,`state`,`decided_at`,`indicator_id`,`period_id`,`value`,`validated_rating`);