CREATE TYPE "public"."evidence_kind" AS ENUM('package_front', 'package_back', 'item_media', 'malfunction_media', 'defect_media', 'shipment_slip', 'postage_receipt');--> statement-breakpoint
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
ALTER TABLE "after_sales_evidence" ADD CONSTRAINT "after_sales_evidence_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_evidence_case_idx" ON "after_sales_evidence" USING btree ("case_id","created_at");