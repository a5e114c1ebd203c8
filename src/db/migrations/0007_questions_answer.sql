ALTER TABLE "support_questions" ADD COLUMN "answer" text;--> statement-breakpoint
ALTER TABLE "support_questions" ADD COLUMN "answered_by" uuid;--> statement-breakpoint
ALTER TABLE "support_questions" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_questions" ADD CONSTRAINT "support_questions_answered_by_staff_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;