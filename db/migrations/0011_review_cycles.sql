CREATE TABLE `review_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`name` text NOT NULL,
	`cut_off_date` text NOT NULL,
	`data_as_of` integer NOT NULL,
	`baseline_version_id` text NOT NULL,
	`indicator_snapshot` text NOT NULL,
	`snapshot_hash` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_by` text,
	`closed_at` integer,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`baseline_version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_cycles_compact_name` ON `review_cycles` (`compact_id`,"name" collate nocase);--> statement-breakpoint
CREATE INDEX `review_cycles_compact_cut_off` ON `review_cycles` (`compact_id`,`cut_off_date`,`opened_at`);--> statement-breakpoint
CREATE TABLE `review_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`compact_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text,
	`subject_label` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`resolution` text,
	`created_by` text NOT NULL,
	`created_by_party_id` text,
	`created_at` integer NOT NULL,
	`status_changed_by` text,
	`status_changed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `review_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status_changed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_findings_cycle` ON `review_findings` (`cycle_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `versions_compact_upto` ON `versions` (`compact_id`,`upto_update_id`,`number`);
--> statement-breakpoint
CREATE TRIGGER `review_cycles_no_delete` BEFORE DELETE ON `review_cycles`
BEGIN
  SELECT RAISE(ABORT, 'review cycles are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `review_cycles_frozen` BEFORE UPDATE ON `review_cycles`
WHEN NEW.`cut_off_date` IS NOT OLD.`cut_off_date` OR NEW.`data_as_of` IS NOT OLD.`data_as_of`
  OR NEW.`baseline_version_id` IS NOT OLD.`baseline_version_id` OR NEW.`indicator_snapshot` IS NOT OLD.`indicator_snapshot`
  OR NEW.`snapshot_hash` IS NOT OLD.`snapshot_hash`
BEGIN
  SELECT RAISE(ABORT, 'a review cycle''s baseline and snapshot are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `review_findings_no_delete` BEFORE DELETE ON `review_findings`
BEGIN
  SELECT RAISE(ABORT, 'review findings are never deleted');
END;
