ALTER TABLE `user` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `access_links` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `compacts` ADD `text_language` text DEFAULT 'en' NOT NULL;