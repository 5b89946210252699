CREATE TABLE "community_ritual_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"ritual_id" uuid NOT NULL,
	"occurs_at" timestamp with time zone NOT NULL,
	"thread_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_rituals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_template" text NOT NULL,
	"body_template" text NOT NULL,
	"rrule" text NOT NULL,
	"time_zone" text NOT NULL,
	"start_time" text NOT NULL,
	"starts_on" text NOT NULL,
	"lead_hours" integer DEFAULT 0 NOT NULL,
	"event_duration_minutes" integer,
	"event_place" text,
	"event_online_url" text,
	"event_capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"next_occurrence_at" timestamp with time zone,
	"last_occurrence_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_rituals_kind_ck" CHECK ("community_rituals"."kind" in ('thread', 'event')),
	CONSTRAINT "community_rituals_event_ck" CHECK ("community_rituals"."kind" = 'thread' or "community_rituals"."event_duration_minutes" is not null)
);
--> statement-breakpoint
ALTER TABLE "community_spaces" ADD COLUMN "nudge_after_hours" integer;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "nudged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_ritual_occurrences" ADD CONSTRAINT "community_ritual_occurrences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_ritual_occurrences" ADD CONSTRAINT "community_ritual_occurrences_ritual_id_community_rituals_id_fk" FOREIGN KEY ("ritual_id") REFERENCES "public"."community_rituals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_ritual_occurrences" ADD CONSTRAINT "community_ritual_occurrences_thread_id_community_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."community_threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rituals" ADD CONSTRAINT "community_rituals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rituals" ADD CONSTRAINT "community_rituals_space_id_community_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."community_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rituals" ADD CONSTRAINT "community_rituals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_ritual_occurrences_uq" ON "community_ritual_occurrences" USING btree ("ritual_id","occurs_at");--> statement-breakpoint
CREATE INDEX "community_rituals_ws_idx" ON "community_rituals" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "community_rituals_due_idx" ON "community_rituals" USING btree ("next_occurrence_at") WHERE "community_rituals"."active";--> statement-breakpoint
CREATE INDEX "community_threads_unnudged_idx" ON "community_threads" USING btree ("space_id","created_at") WHERE "community_threads"."nudged_at" is null and "community_threads"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "community_spaces" ADD CONSTRAINT "community_spaces_nudge_ck" CHECK ("community_spaces"."nudge_after_hours" is null or "community_spaces"."nudge_after_hours" between 1 and 720);