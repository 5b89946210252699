-- Text search configurations for community search: tandem_english, tandem_italian, tandem_spanish,
-- tandem_simple. Each copies the built-in one and, where the unaccent extension can be created
-- (PostgreSQL with contrib, PGlite with its unaccent bundle loaded), folds accents before stemming,
-- so "caffe" finds "caffè" and ts_headline marks the accented word in the original text. Where the
-- extension is missing, the copies stay accent-sensitive and everything else works the same.
DO $$
DECLARE
  cfg text;
  folded boolean := false;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
    folded := true;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent is not available (%): community search stays accent-sensitive', SQLERRM;
  END;
  FOREACH cfg IN ARRAY ARRAY['english', 'italian', 'spanish', 'simple'] LOOP
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION tandem_%s (COPY = pg_catalog.%s)', cfg, cfg);
    IF folded THEN
      EXECUTE format('ALTER TEXT SEARCH CONFIGURATION tandem_%s ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %s', cfg, CASE WHEN cfg = 'simple' THEN 'simple' ELSE cfg || '_stem' END);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Posts written before this migration: the space's language, then the vector.
UPDATE community_posts p SET language = CASE WHEN s.default_language IN ('en', 'it', 'es') THEN s.default_language ELSE 'other' END
FROM community_spaces s WHERE s.id = p.space_id;
--> statement-breakpoint
UPDATE community_posts p SET search_vector =
  setweight(to_tsvector((CASE p.language WHEN 'en' THEN 'tandem_english' WHEN 'it' THEN 'tandem_italian' WHEN 'es' THEN 'tandem_spanish' ELSE 'tandem_simple' END)::regconfig, CASE WHEN p.is_opening THEN t.title ELSE '' END), 'A')
  || setweight(to_tsvector((CASE p.language WHEN 'en' THEN 'tandem_english' WHEN 'it' THEN 'tandem_italian' WHEN 'es' THEN 'tandem_spanish' ELSE 'tandem_simple' END)::regconfig, p.body_source), 'B')
FROM community_threads t WHERE t.id = p.thread_id;
