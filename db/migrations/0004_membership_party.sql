-- The party a person represents moves from the account to each membership (issue 8 §5).
-- Every membership keeps the party its member's account had; attribution stored so far
-- (doc_updates, doc_clients, audit_events, progress, invitations) is not touched.
-- Runs with foreign-key enforcement off (db/client.ts), so recreating `user` neither cascades to
-- its sessions and accounts nor breaks the tables that reference it; the keys are checked after.
CREATE TABLE `__new_memberships` (
	`compact_id` text NOT NULL,
	`user_id` text NOT NULL,
	`party_id` text NOT NULL,
	`role` text NOT NULL,
	`signatory` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`compact_id`, `user_id`),
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_memberships`("compact_id", "user_id", "party_id", "role", "signatory", "created_at")
	SELECT m."compact_id", m."user_id", u."party_id", m."role", m."signatory", m."created_at"
	FROM `memberships` m INNER JOIN `user` u ON u."id" = m."user_id";--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `__new_user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`is_instance_admin` integer DEFAULT false NOT NULL,
	`deactivated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_user`("id", "name", "email", "email_verified", "image", "is_instance_admin", "deactivated_at", "created_at", "updated_at") SELECT "id", "name", "email", "email_verified", "image", "is_instance_admin", "deactivated_at", "created_at", "updated_at" FROM `user`;--> statement-breakpoint
DROP TABLE `user`;--> statement-breakpoint
ALTER TABLE `__new_user` RENAME TO `user`;--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);
