CREATE TABLE "community_digest_sends" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_digest_sends_member_id_period_pk" PRIMARY KEY("member_id","period")
);
--> statement-breakpoint
CREATE TABLE "community_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"thread_id" uuid,
	"post_id" uuid,
	"event_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "community_notifications_kind_ck" CHECK ("community_notifications"."kind" in ('reply', 'mention', 'quote', 'event_reminder', 'welcome'))
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "welcome_message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "welcome_message_html" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "handle" text;--> statement-breakpoint
-- Existing members get the handle sign-up would give them (server/modules/community/handles.ts):
-- lower case, common accents folded, other runs of characters as "_", at most 24 characters; a
-- second member with the same one gets a suffix from their id.
WITH base AS (
  SELECT id, workspace_id, joined_at,
    coalesce(nullif(trim(both '_' from left(regexp_replace(translate(lower(display_name), 'àáâãäåèéêëìíîïòóôõöùúûüýÿñç', 'aaaaaaeeeeiiiiooooouuuuyync'), '[^a-z0-9]+', '_', 'g'), 24)), ''), 'member') AS h
  FROM community_members
), numbered AS (
  SELECT id, h, row_number() OVER (PARTITION BY workspace_id, h ORDER BY joined_at, id) AS n FROM base
)
UPDATE community_members m SET handle = CASE WHEN numbered.n = 1 THEN numbered.h ELSE numbered.h || '_' || left(replace(m.id::text, '-', ''), 6) END
FROM numbered WHERE numbered.id = m.id;--> statement-breakpoint
ALTER TABLE "community_members" ALTER COLUMN "handle" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "community_digest_sends" ADD CONSTRAINT "community_digest_sends_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_digest_sends" ADD CONSTRAINT "community_digest_sends_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notifications" ADD CONSTRAINT "community_notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notifications" ADD CONSTRAINT "community_notifications_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notifications" ADD CONSTRAINT "community_notifications_thread_id_community_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."community_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notifications" ADD CONSTRAINT "community_notifications_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_notifications" ADD CONSTRAINT "community_notifications_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_notifications_once_uq" ON "community_notifications" USING btree ("member_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "community_notifications_list_idx" ON "community_notifications" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_members_handle_uq" ON "community_members" USING btree ("workspace_id","handle");