CREATE TABLE "community_external_ids" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"site" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"local_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_external_ids_workspace_id_source_site_kind_external_id_pk" PRIMARY KEY("workspace_id","source","site","kind","external_id")
);
--> statement-breakpoint
CREATE TABLE "community_member_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tier" text NOT NULL,
	"awarded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_member_badges_tier_ck" CHECK ("community_member_badges"."tier" in ('gold', 'silver', 'bronze'))
);
--> statement-breakpoint
ALTER TABLE "community_members" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "language" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "score" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "community_spaces" ADD COLUMN "kind" text DEFAULT 'discussion' NOT NULL;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "accepted_post_id" uuid;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "community_external_ids" ADD CONSTRAINT "community_external_ids_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_badges" ADD CONSTRAINT "community_member_badges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_badges" ADD CONSTRAINT "community_member_badges_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_member_badges_member_idx" ON "community_member_badges" USING btree ("workspace_id","member_id");--> statement-breakpoint
ALTER TABLE "community_threads" ADD CONSTRAINT "community_threads_accepted_post_id_community_posts_id_fk" FOREIGN KEY ("accepted_post_id") REFERENCES "public"."community_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_posts_search_idx" ON "community_posts" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "community_spaces" ADD CONSTRAINT "community_spaces_kind_ck" CHECK ("community_spaces"."kind" in ('discussion', 'qa'));