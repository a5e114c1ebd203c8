-- PV-STF-1, PV-MIN-1: the audit log stays append-only, except that the retention job may delete rows older than
-- STAFF_ACCESS_LOG_KEEP_DAYS. The job names its cutoff in a transaction-local setting
-- (set_config('aftercare.staff_access_log_purge_before', <timestamptz>, true)) and deletes inside the same
-- transaction; the trigger lets a DELETE through only for a row older than that cutoff, and only when the cutoff
-- itself is at least 365 days before the database's clock, so even someone who sets the variable by hand cannot
-- erase the last year. UPDATE and TRUNCATE stay refused, always.
CREATE OR REPLACE FUNCTION staff_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cutoff_text text;
  cutoff timestamptz;
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' THEN
    cutoff_text := current_setting('aftercare.staff_access_log_purge_before', true);
    IF cutoff_text IS NOT NULL AND cutoff_text <> '' THEN
      cutoff := cutoff_text::timestamptz;
      IF cutoff <= now() - interval '365 days' AND OLD.at < cutoff THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'staff_access_log is append-only (PV-STF-1)';
END;
$$;
