CREATE TYPE "public"."refund_status" AS ENUM('pending', 'owed', 'succeeded', 'failed');--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'partially_refunded' BEFORE 'failed';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'refunded' BEFORE 'failed';--> statement-breakpoint
CREATE TABLE "test_processor_charges" (
	"reference" text PRIMARY KEY NOT NULL,
	"token_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"refund_outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_processor_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"charge_reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_processor_refunds_amount_check" CHECK ("test_processor_refunds"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"status" "refund_status" NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"reason" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"processor_reference" text,
	"failure_message" text,
	"requested_by_type" text NOT NULL,
	"requested_by_id" uuid,
	"requested_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"succeeded_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_check" CHECK ("refunds"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "from_name" text;--> statement-breakpoint
ALTER TABLE "test_processor_refunds" ADD CONSTRAINT "test_processor_refunds_charge_reference_test_processor_charges_reference_fk" FOREIGN KEY ("charge_reference") REFERENCES "public"."test_processor_charges"("reference") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "test_processor_charges_token_key" ON "test_processor_charges" USING btree ("token_id");--> statement-breakpoint
CREATE UNIQUE INDEX "test_processor_refunds_idempotency_key" ON "test_processor_refunds" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_idempotency_key" ON "refunds" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_processor_reference_key" ON "refunds" USING btree ("provider","processor_reference");