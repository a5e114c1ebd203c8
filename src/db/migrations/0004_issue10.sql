CREATE TYPE "public"."evidence_kind" AS ENUM('package_front', 'package_back', 'item_media', 'malfunction_media', 'defect_media', 'shipment_slip', 'postage_receipt');--> statement-breakpoint
CREATE TABLE "after_sales_case_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"author_type" text NOT NULL,
	"staff_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"kind" "claim_kind" NOT NULL,
	"body" text NOT NULL,
	"assessment" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "after_sales_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"media_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"duration_ms" integer,
	"storage_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"amount_cents" integer,
	"uploaded_by" text NOT NULL,
	"staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "after_sales_evidence_uploaded_by_check" CHECK ("after_sales_evidence"."uploaded_by" in ('customer', 'staff')),
	CONSTRAINT "after_sales_evidence_amount_check" CHECK ("after_sales_evidence"."amount_cents" is null or "after_sales_evidence"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_remedies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"clause" text,
	"refund_id" uuid,
	"coupon_id" uuid,
	"replacement_order_id" uuid,
	"note" text,
	"staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_remedies_amount_check" CHECK ("case_remedies"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"value_cents" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"clause" text NOT NULL,
	"source_case_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_order_id" uuid,
	"redeemed_discount_cents" integer,
	CONSTRAINT "coupons_value_check" CHECK ("coupons"."value_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "state_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "inspection" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "quote" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "coupon_code" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "replaces_order_id" uuid;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_questions" ADD CONSTRAINT "support_questions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_questions" ADD CONSTRAINT "support_questions_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_evidence" ADD CONSTRAINT "after_sales_evidence_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_remedies" ADD CONSTRAINT "case_remedies_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_remedies" ADD CONSTRAINT "case_remedies_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_remedies" ADD CONSTRAINT "case_remedies_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_remedies" ADD CONSTRAINT "case_remedies_replacement_order_id_orders_id_fk" FOREIGN KEY ("replacement_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_remedies" ADD CONSTRAINT "case_remedies_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_redeemed_order_id_orders_id_fk" FOREIGN KEY ("redeemed_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_case_messages_case_idx" ON "after_sales_case_messages" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "support_questions_created_idx" ON "support_questions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "support_questions_order_idx" ON "support_questions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "after_sales_evidence_case_idx" ON "after_sales_evidence" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_remedies_case_idx" ON "case_remedies" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_code_key" ON "coupons" USING btree ("code");--> statement-breakpoint
CREATE INDEX "coupons_source_case_idx" ON "coupons" USING btree ("source_case_id");--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_cases_updated_idx" ON "after_sales_cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_due_idx" ON "after_sales_cases" USING btree (coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_assignee_idx" ON "after_sales_cases" USING btree ("assigned_to","opened_at");--> statement-breakpoint
CREATE INDEX "after_sales_cases_line_idx" ON "after_sales_cases" USING btree ("order_line_id");