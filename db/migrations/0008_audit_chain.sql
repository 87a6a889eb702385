CREATE UNIQUE INDEX `audit_chain_link` ON `audit_events` (coalesce(`compact_id`, ''), `prev_hash`);--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
WHEN OLD.`hash` IS NOT NULL OR NEW.`compact_id` IS NOT OLD.`compact_id` OR NEW.`actor_user_id` IS NOT OLD.`actor_user_id`
  OR NEW.`actor_party_id` IS NOT OLD.`actor_party_id` OR NEW.`action` IS NOT OLD.`action`
  OR NEW.`entity_type` IS NOT OLD.`entity_type` OR NEW.`entity_id` IS NOT OLD.`entity_id`
  OR NEW.`before` IS NOT OLD.`before` OR NEW.`after` IS NOT OLD.`after` OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
