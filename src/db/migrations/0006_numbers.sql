CREATE TABLE "declined_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_line_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"category" "product_category" NOT NULL,
	"kind" "claim_kind" NOT NULL,
	"clauses" text[] NOT NULL,
	"policy_version" integer NOT NULL,
	"declined_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "category" "product_category";--> statement-breakpoint
-- Existing cases take their line's product and category, existing lines their order's placed_at (written by
-- hand: drizzle-kit adds the columns NOT NULL at once, which a shop with cases and orders would refuse).
UPDATE "after_sales_cases" SET "product_id" = "order_lines"."product_id", "category" = "order_lines"."category" FROM "order_lines" WHERE "order_lines"."id" = "after_sales_cases"."order_line_id";--> statement-breakpoint
ALTER TABLE "after_sales_cases" ALTER COLUMN "product_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ALTER COLUMN "category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "ordered_at" timestamp with time zone;--> statement-breakpoint
UPDATE "order_lines" SET "ordered_at" = "orders"."placed_at" FROM "orders" WHERE "orders"."id" = "order_lines"."order_id";--> statement-breakpoint
ALTER TABLE "order_lines" ALTER COLUMN "ordered_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "declined_claims" ADD CONSTRAINT "declined_claims_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declined_claims" ADD CONSTRAINT "declined_claims_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declined_claims" ADD CONSTRAINT "declined_claims_policy_version_policy_versions_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."policy_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "declined_claims_at_idx" ON "declined_claims" USING btree ("declined_at");--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_case_events_decided_idx" ON "after_sales_case_events" USING btree ("case_id","at") WHERE "after_sales_case_events"."to_state" in ('resolved', 'declined');--> statement-breakpoint
CREATE INDEX "after_sales_cases_numbers_idx" ON "after_sales_cases" USING btree ("opened_at","state","kind","resolution","order_line_id","product_id","category","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_category_idx" ON "after_sales_cases" USING btree ("category","id");--> statement-breakpoint
CREATE INDEX "order_lines_sold_idx" ON "order_lines" USING btree ("ordered_at","order_id","product_id","quantity","unit_price_cents","category");--> statement-breakpoint
CREATE INDEX "orders_sales_idx" ON "orders" USING btree ("placed_at","total_cents","id") WHERE "orders"."status" in ('paid', 'shipped', 'delivered', 'completed') and "orders"."payment_method" <> 'replacement';