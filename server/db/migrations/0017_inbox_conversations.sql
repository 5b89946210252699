CREATE TABLE "inbox_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"thread_key" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"first_item_at" timestamp with time zone NOT NULL,
	"last_item_at" timestamp with time zone NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"snoozed_until" timestamp with time zone,
	"needs_reply" boolean DEFAULT false NOT NULL,
	"latest_item_id" uuid,
	"latest_sentiment" text,
	"replied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"network" text NOT NULL,
	"network_user_id" text NOT NULL,
	"handle" text NOT NULL,
	"display_name" text,
	"avatar_url" text,
	"url" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "inbox_conversation_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "needs_reply" boolean;--> statement-breakpoint
ALTER TABLE "inbox_conversations" ADD CONSTRAINT "inbox_conversations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_conversations" ADD CONSTRAINT "inbox_conversations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_conversations" ADD CONSTRAINT "inbox_conversations_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_people" ADD CONSTRAINT "inbox_people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_conversations_thread_uq" ON "inbox_conversations" USING btree ("channel_id","thread_key");--> statement-breakpoint
CREATE INDEX "inbox_conversations_workspace_last_idx" ON "inbox_conversations" USING btree ("workspace_id","last_item_at");--> statement-breakpoint
CREATE INDEX "inbox_conversations_assignee_idx" ON "inbox_conversations" USING btree ("workspace_id","assignee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_people_uq" ON "inbox_people" USING btree ("workspace_id","network","network_user_id");--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_inbox_conversation_id_inbox_conversations_id_fk" FOREIGN KEY ("inbox_conversation_id") REFERENCES "public"."inbox_conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_person_id_inbox_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."inbox_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_items_conversation_idx" ON "inbound_items" USING btree ("inbox_conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "inbound_items_ungrouped_idx" ON "inbound_items" USING btree ("received_at") WHERE "inbound_items"."inbox_conversation_id" is null;