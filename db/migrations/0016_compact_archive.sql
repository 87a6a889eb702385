ALTER TABLE `compacts` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `compacts` ADD `archived_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `compacts` ADD `archive_reason` text;--> statement-breakpoint
CREATE TRIGGER `compacts_never_delete_content` BEFORE DELETE ON `compacts`
WHEN EXISTS (SELECT 1 FROM `doc_updates` WHERE `compact_id` = OLD.`id`)
  OR EXISTS (SELECT 1 FROM `audit_events` WHERE `compact_id` = OLD.`id`)
  OR EXISTS (SELECT 1 FROM `indicators` WHERE `compact_id` = OLD.`id`)
  OR EXISTS (SELECT 1 FROM `commitments` WHERE `compact_id` = OLD.`id`)
  OR EXISTS (SELECT 1 FROM `reporting_periods` WHERE `compact_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'a compact holding text, framework data or audit events is never deleted: archive it');
END;
