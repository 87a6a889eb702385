CREATE TABLE `collab_owner` (
	`id` integer PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`renewed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_clients` (
	`compact_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`user_id` text,
	`party_id` text,
	`first_update_id` integer NOT NULL,
	PRIMARY KEY(`compact_id`, `client_id`)
);
--> statement-breakpoint
ALTER TABLE `doc_checkpoints` ADD `milestone` integer DEFAULT false NOT NULL;