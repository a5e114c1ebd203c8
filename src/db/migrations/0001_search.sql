-- Search as you type, ranked, with typos forgiven (src/catalog/search.ts). Hand-written: the extension for
-- edit distances, and 'aftercare_words', the 'simple' dictionary (no stemming) without English stop words.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY aftercare_words (TEMPLATE = pg_catalog.simple, STOPWORDS = english);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION aftercare_words (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION aftercare_words ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart WITH aftercare_words;--> statement-breakpoint
CREATE TABLE "search_lexicon" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" drop column "search";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(brand, '') || ' ' || regexp_replace(coalesce(name, '') || ' ' || coalesce(brand, ''), '[[:punct:]]+', ' ', 'g')) || to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(brand, '') || ' ' || regexp_replace(coalesce(name, '') || ' ' || coalesce(brand, ''), '[[:punct:]]+', ' ', 'g')), 'A') || setweight(to_tsvector('english'::regconfig, (case category when 'smartphone' then 'Phones smartphone' when 'tablet' then 'Tablets tablet' when 'wearable' then 'Wearables wearable smartwatch' when 'accessory' then 'Accessories accessory' when 'other' then 'Audio' else '' end)) || to_tsvector('simple'::regconfig, (case category when 'smartphone' then 'Phones smartphone' when 'tablet' then 'Tablets tablet' when 'wearable' then 'Wearables wearable smartwatch' when 'accessory' then 'Accessories accessory' when 'other' then 'Audio' else '' end)), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')) || to_tsvector('aftercare_words'::regconfig, coalesce(summary, '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce(description, '')) || to_tsvector('aftercare_words'::regconfig, coalesce(description, '')), 'D')) STORED;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_words" text[] GENERATED ALWAYS AS (tsvector_to_array(to_tsvector('simple'::regconfig, regexp_replace(coalesce(name, '') || ' ' || coalesce(brand, ''), '[[:punct:]]+', ' ', 'g') || ' ' || (case category when 'smartphone' then 'Phones smartphone' when 'tablet' then 'Tablets tablet' when 'wearable' then 'Wearables wearable smartwatch' when 'accessory' then 'Accessories accessory' when 'other' then 'Audio' else '' end)))) STORED;--> statement-breakpoint
-- Hand-written: dropping the old column dropped its index.
CREATE INDEX "products_search_idx" ON "products" USING gin ("search");--> statement-breakpoint
-- Hand-written: search_lexicon holds every word a product's search_words has held (schema.ts).
CREATE FUNCTION search_lexicon_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_lexicon (word)
    SELECT DISTINCT unnest(search_words) FROM written_products
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER products_search_lexicon_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS written_products FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add();--> statement-breakpoint
CREATE TRIGGER products_search_lexicon_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS written_products FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add();--> statement-breakpoint
INSERT INTO search_lexicon (word) SELECT DISTINCT unnest(search_words) FROM products ON CONFLICT DO NOTHING;
