-- Existing compacts hold free rich text (form 1): the collaboration server migrates it into provisions once.
ALTER TABLE `compacts` ADD `text_format` integer DEFAULT 1 NOT NULL;
