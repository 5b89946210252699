CREATE TABLE "community_blocks" (
	"workspace_id" uuid NOT NULL,
	"blocker_member_id" uuid NOT NULL,
	"blocked_member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_blocks_blocker_member_id_blocked_member_id_pk" PRIMARY KEY("blocker_member_id","blocked_member_id"),
	CONSTRAINT "community_blocks_self_ck" CHECK ("community_blocks"."blocker_member_id" <> "community_blocks"."blocked_member_id")
);
--> statement-breakpoint
CREATE TABLE "community_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"flagger_member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	CONSTRAINT "community_flags_reason_ck" CHECK ("community_flags"."reason" in ('spam', 'inappropriate', 'off_topic', 'illegal', 'something_else')),
	CONSTRAINT "community_flags_status_ck" CHECK ("community_flags"."status" in ('pending', 'agreed', 'disagreed'))
);
--> statement-breakpoint
CREATE TABLE "community_silences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"silenced_by_user_id" uuid,
	"lifted_at" timestamp with time zone,
	"lifted_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "new_member_threads_per_day" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "new_member_replies_per_day" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "new_member_seconds_between_threads" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "new_member_seconds_between_replies" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "hidden_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "locked_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_blocks" ADD CONSTRAINT "community_blocks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_blocks" ADD CONSTRAINT "community_blocks_blocker_member_id_community_members_id_fk" FOREIGN KEY ("blocker_member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_blocks" ADD CONSTRAINT "community_blocks_blocked_member_id_community_members_id_fk" FOREIGN KEY ("blocked_member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_flags" ADD CONSTRAINT "community_flags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_flags" ADD CONSTRAINT "community_flags_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_flags" ADD CONSTRAINT "community_flags_flagger_member_id_community_members_id_fk" FOREIGN KEY ("flagger_member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_flags" ADD CONSTRAINT "community_flags_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_silences" ADD CONSTRAINT "community_silences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_silences" ADD CONSTRAINT "community_silences_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_silences" ADD CONSTRAINT "community_silences_silenced_by_user_id_users_id_fk" FOREIGN KEY ("silenced_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_silences" ADD CONSTRAINT "community_silences_lifted_by_user_id_users_id_fk" FOREIGN KEY ("lifted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_blocks_blocked_idx" ON "community_blocks" USING btree ("blocked_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_flags_member_post_uq" ON "community_flags" USING btree ("post_id","flagger_member_id");--> statement-breakpoint
CREATE INDEX "community_flags_open_idx" ON "community_flags" USING btree ("workspace_id","created_at") WHERE "community_flags"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "community_silences_member_idx" ON "community_silences" USING btree ("workspace_id","member_id");--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_hidden_by_user_id_users_id_fk" FOREIGN KEY ("hidden_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_threads" ADD CONSTRAINT "community_threads_locked_by_user_id_users_id_fk" FOREIGN KEY ("locked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;