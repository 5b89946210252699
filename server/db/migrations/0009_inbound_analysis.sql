ALTER TABLE "inbound_items" ADD COLUMN "detected_language" text;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "sentiment" text;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "sentiment_scores" jsonb;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "toxicity" real;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "toxicity_label" text;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "toxicity_reasons" jsonb;--> statement-breakpoint
CREATE INDEX "inbound_items_unanalysed_idx" ON "inbound_items" USING btree ("received_at") WHERE "inbound_items"."sentiment" is null;