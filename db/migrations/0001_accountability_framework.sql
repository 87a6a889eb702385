CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`reference` text NOT NULL,
	`provision_id` text,
	`lead_party_id` text NOT NULL,
	`supporting_party_ids` text DEFAULT '[]' NOT NULL,
	`deliverable` text NOT NULL,
	`due_date` text,
	`narrative_status` text DEFAULT '' NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`update_id` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`stored_name` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `framework_settings` (
	`compact_id` text PRIMARY KEY NOT NULL,
	`frequency` text DEFAULT 'quarterly' NOT NULL,
	`start_date` text NOT NULL,
	`on_track_threshold` real DEFAULT 0.9 NOT NULL,
	`at_risk_threshold` real DEFAULT 0.6 NOT NULL,
	`require_evidence` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` text NOT NULL,
	`period_id` text,
	`year` integer,
	`value` real,
	`set_by` text,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `targets_indicator` ON `indicator_targets` (`indicator_id`,`id`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`measure` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`direction` text NOT NULL,
	`aggregation` text DEFAULT 'per-period' NOT NULL,
	`baseline_value` real,
	`baseline_date` text,
	`reporting_frequency` text DEFAULT 'quarterly' NOT NULL,
	`means_of_verification` text DEFAULT '' NOT NULL,
	`responsible_party_id` text NOT NULL,
	`commitment_id` text,
	`section_ref` text DEFAULT '' NOT NULL,
	`provision_id` text,
	`disaggregation` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	`proposed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_compact_code` ON `indicators` (`compact_id`,`code`);--> statement-breakpoint
CREATE TABLE `progress_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`period_id` text NOT NULL,
	`value` real,
	`rating` text,
	`narrative` text DEFAULT '' NOT NULL,
	`disaggregated` text DEFAULT '{}' NOT NULL,
	`evidence_links` text DEFAULT '[]' NOT NULL,
	`confidence` text DEFAULT 'medium' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`supersedes_id` text,
	`validated_rating` text,
	`returned_reason` text,
	`created_by` text NOT NULL,
	`created_by_party_id` text NOT NULL,
	`submitted_by` text,
	`submitted_at` integer,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_indicator_period` ON `progress_updates` (`indicator_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `progress_compact_state` ON `progress_updates` (`compact_id`,`state`);--> statement-breakpoint
CREATE TABLE `reporting_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`label` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_compact_label` ON `reporting_periods` (`compact_id`,`label`);--> statement-breakpoint
CREATE INDEX `periods_compact_start` ON `reporting_periods` (`compact_id`,`starts_on`);