CREATE TABLE `versions` (
	`id` text PRIMARY KEY NOT NULL,
	`compact_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`symbol` text,
	`note` text,
	`upto_update_id` integer NOT NULL,
	`content_json` text NOT NULL,
	`plain_text` text NOT NULL,
	`content_hash` text NOT NULL,
	`canonical_version` integer NOT NULL,
	`contributors` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `versions_compact_number` ON `versions` (`compact_id`,`number`);--> statement-breakpoint
CREATE INDEX `versions_compact_kind_number` ON `versions` (`compact_id`,`kind`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `versions_compact_name` ON `versions` (`compact_id`,"name" collate nocase);