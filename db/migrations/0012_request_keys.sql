CREATE TABLE `request_keys` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`action` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_keys_created` ON `request_keys` (`created_at`);