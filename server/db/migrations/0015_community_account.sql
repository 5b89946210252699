CREATE TABLE "community_personas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"avatar_url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "community_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"uploaded_by_member_id" uuid,
	"uploaded_by_user_id" uuid,
	"mime_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_member_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"member_id" uuid,
	"email" text NOT NULL,
	"display_name" text,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_member_tokens_purpose_ck" CHECK ("community_member_tokens"."purpose" in ('reset', 'magic', 'join'))
);
--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "persona_id" uuid;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "link_previews" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "community_threads" ADD COLUMN "persona_id" uuid;--> statement-breakpoint
ALTER TABLE "community_personas" ADD CONSTRAINT "community_personas_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_personas" ADD CONSTRAINT "community_personas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_images" ADD CONSTRAINT "community_images_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_images" ADD CONSTRAINT "community_images_uploaded_by_member_id_community_members_id_fk" FOREIGN KEY ("uploaded_by_member_id") REFERENCES "public"."community_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_images" ADD CONSTRAINT "community_images_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_tokens" ADD CONSTRAINT "community_member_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_tokens" ADD CONSTRAINT "community_member_tokens_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_personas_name_uq" ON "community_personas" USING btree ("workspace_id",lower("name")) WHERE "community_personas"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "community_images_storage_key_uq" ON "community_images" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "community_images_member_idx" ON "community_images" USING btree ("uploaded_by_member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "community_member_tokens_hash_uq" ON "community_member_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "community_member_tokens_email_idx" ON "community_member_tokens" USING btree ("workspace_id","email","created_at");--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_persona_id_community_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."community_personas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_threads" ADD CONSTRAINT "community_threads_persona_id_community_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."community_personas"("id") ON DELETE no action ON UPDATE no action;