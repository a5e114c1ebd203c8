CREATE TYPE "public"."case_state" AS ENUM('opened', 'troubleshooting', 'awaiting_evidence', 'return_authorised', 'parcel_received', 'inspected', 'quote_sent', 'quote_accepted', 'quote_declined', 'resolved', 'declined', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TYPE "public"."claim_kind" AS ENUM('dead_on_arrival', 'defective', 'incorrect_item', 'change_of_mind');--> statement-breakpoint
CREATE SEQUENCE "public"."case_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "after_sales_case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_state" "case_state",
	"to_state" "case_state" NOT NULL,
	"note" text,
	"assessment" jsonb
);
--> statement-breakpoint
CREATE TABLE "after_sales_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"order_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"kind" "claim_kind" NOT NULL,
	"state" "case_state" NOT NULL,
	"policy_version" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"assessment" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD CONSTRAINT "after_sales_case_events_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_policy_version_policy_versions_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."policy_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_case_events_case_idx" ON "after_sales_case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "after_sales_cases_reference_key" ON "after_sales_cases" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "after_sales_cases_open_key" ON "after_sales_cases" USING btree ("order_line_id","kind") WHERE "after_sales_cases"."state" not in ('declined', 'withdrawn', 'closed');--> statement-breakpoint
CREATE INDEX "after_sales_cases_order_idx" ON "after_sales_cases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_opened_idx" ON "after_sales_cases" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_state_idx" ON "after_sales_cases" USING btree ("state","opened_at");