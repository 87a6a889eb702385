CREATE TABLE `sign_offs` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`version_id` text NOT NULL,
	`party_id` text NOT NULL,
	`signed_by` text NOT NULL,
	`content_hash` text NOT NULL,
	`canonical_version` integer NOT NULL,
	`statement_kind` text NOT NULL,
	`statement` text,
	`signed_at` integer NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_by` text,
	`withdrawal_reason` text,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_offs_compact_party` ON `sign_offs` (`compact_id`,`party_id`,`signed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `sign_offs_one_active` ON `sign_offs` (`compact_id`,`party_id`) WHERE "sign_offs"."withdrawn_at" is null;--> statement-breakpoint
CREATE TRIGGER `sign_offs_no_delete` BEFORE DELETE ON `sign_offs`
BEGIN
  SELECT RAISE(ABORT, 'sign-offs are never deleted');
END;--> statement-breakpoint
CREATE TRIGGER `sign_offs_withdraw_only` BEFORE UPDATE ON `sign_offs`
WHEN OLD.`withdrawn_at` IS NOT NULL OR NEW.`withdrawn_at` IS NULL OR NEW.`id` IS NOT OLD.`id`
  OR NEW.`compact_id` IS NOT OLD.`compact_id` OR NEW.`version_id` IS NOT OLD.`version_id`
  OR NEW.`party_id` IS NOT OLD.`party_id` OR NEW.`signed_by` IS NOT OLD.`signed_by`
  OR NEW.`content_hash` IS NOT OLD.`content_hash` OR NEW.`canonical_version` IS NOT OLD.`canonical_version`
  OR NEW.`statement_kind` IS NOT OLD.`statement_kind` OR NEW.`statement` IS NOT OLD.`statement`
  OR NEW.`signed_at` IS NOT OLD.`signed_at`
BEGIN
  SELECT RAISE(ABORT, 'a sign-off is only ever withdrawn, once');
END;
