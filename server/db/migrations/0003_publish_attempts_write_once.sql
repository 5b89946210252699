-- The publish attempt log is history: a row is written (intent, outcome 'unknown') before the network
-- call, and its outcome may be set exactly once afterwards. Nothing else may change; nothing is deleted.
CREATE OR REPLACE FUNCTION tandem_publish_attempts_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.outcome = 'unknown'
     AND NEW.id = OLD.id AND NEW.target_id = OLD.target_id AND NEW.part_index = OLD.part_index
     AND NEW.idempotency_key = OLD.idempotency_key AND NEW.worker = OLD.worker AND NEW.attempted_at = OLD.attempted_at
     AND NEW.workspace_id = OLD.workspace_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'publish_attempts is append-only; an outcome is set once (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publish_attempts_write_once
  BEFORE UPDATE OR DELETE ON publish_attempts
  FOR EACH ROW EXECUTE FUNCTION tandem_publish_attempts_write_once();
--> statement-breakpoint
CREATE TRIGGER publish_attempts_no_truncate
  BEFORE TRUNCATE ON publish_attempts
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_publish_attempts_write_once();
