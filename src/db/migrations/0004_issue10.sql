CREATE TABLE "after_sales_case_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
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
ALTER TABLE "after_sales_case_events" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "state_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "inspection" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "quote" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_questions" ADD CONSTRAINT "support_questions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_questions" ADD CONSTRAINT "support_questions_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_case_messages_case_idx" ON "after_sales_case_messages" USING btree ("case_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_questions_created_idx" ON "support_questions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "support_questions_order_idx" ON "support_questions" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_cases_updated_idx" ON "after_sales_cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_due_idx" ON "after_sales_cases" USING btree (coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_assignee_idx" ON "after_sales_cases" USING btree ("assigned_to","opened_at");--> statement-breakpoint
CREATE INDEX "after_sales_cases_line_idx" ON "after_sales_cases" USING btree ("order_line_id");