-- Atelier data model. PostgreSQL is the source of truth: users, prompts, jobs, images, collections, spend.
-- Money is numeric(12,6) USD. Every owner-scoped list has an index matching its keyset cursor
-- (user_id, created_at desc, id desc). List-valued jsonb columns hold {"items": [...]} objects (Hibernate Reactive
-- binds JSON columns as objects).

create table users (
    id              uuid primary key,
    subject         text        not null unique,
    email           text,
    display_name    text,
    roles           text        not null default 'user',
    daily_budget    numeric(12, 6),
    monthly_budget  numeric(12, 6),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint users_subject_not_blank check (length(trim(subject)) > 0),
    constraint users_daily_budget_non_negative check (daily_budget is null or daily_budget >= 0),
    constraint users_monthly_budget_non_negative check (monthly_budget is null or monthly_budget >= 0)
);

create table prompts (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    input           text        not null,
    category        text        not null,
    category_confidence double precision,
    style           jsonb       not null default '{}'::jsonb,
    enhanced        text        not null,
    negative_prompt text,
    variants        jsonb       not null default '{"items": []}'::jsonb,
    engine          text        not null,
    created_at      timestamptz not null default now(),
    constraint prompts_category_known check (category in
        ('PORTRAIT', 'LANDSCAPE', 'ANIMAL', 'FOOD', 'PRODUCT', 'ARCHITECTURE', 'ABSTRACT', 'ART')),
    constraint prompts_input_not_blank check (length(trim(input)) > 0)
);
create index prompts_owner_keyset on prompts (user_id, created_at desc, id desc);

create table generation_jobs (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    prompt_id       uuid references prompts (id) on delete set null,
    status          text        not null,
    stage           text,
    progress        double precision not null default 0,
    request         jsonb       not null,
    provider        text,
    model           text,
    attempts        jsonb       not null default '{"items": []}'::jsonb,
    estimated_cost  numeric(12, 6),
    actual_cost     numeric(12, 6),
    error_code      text,
    error_message   text,
    idempotency_key text,
    queued_at       timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    version         bigint      not null default 0,
    constraint jobs_status_known check (status in
        ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    constraint jobs_provider_known check (provider is null or provider in
        ('OPENAI', 'GOOGLE', 'STABILITY', 'SDWEBUI', 'LOCAL')),
    constraint jobs_progress_range check (progress >= 0 and progress <= 1),
    constraint jobs_costs_non_negative check ((estimated_cost is null or estimated_cost >= 0)
        and (actual_cost is null or actual_cost >= 0)),
    constraint jobs_idempotency_key_per_user unique (user_id, idempotency_key)
);
create index jobs_owner_keyset on generation_jobs (user_id, queued_at desc, id desc);
create index jobs_owner_status_keyset on generation_jobs (user_id, status, queued_at desc, id desc);
-- The reconciler and the queue-position query look at unfinished jobs only.
create index jobs_unfinished on generation_jobs (queued_at)
    where status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING');

create table images (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    job_id          uuid references generation_jobs (id) on delete set null,
    provider        text        not null,
    model           text,
    storage_key     text        not null,
    sha256          char(64)    not null,
    mime_type       text        not null,
    width           integer     not null,
    height          integer     not null,
    seed            bigint,
    cost            numeric(12, 6),
    revised_prompt  text,
    created_at      timestamptz not null default now(),
    constraint images_provider_known check (provider in ('OPENAI', 'GOOGLE', 'STABILITY', 'SDWEBUI', 'LOCAL')),
    constraint images_dimensions_positive check (width > 0 and height > 0),
    constraint images_mime_known check (mime_type in ('image/png', 'image/jpeg', 'image/webp')),
    constraint images_cost_non_negative check (cost is null or cost >= 0)
);
create index images_owner_keyset on images (user_id, created_at desc, id desc);
create index images_owner_provider_keyset on images (user_id, provider, created_at desc, id desc);
create index images_job on images (job_id);
-- Stored bytes are content-addressed: several rows may share one blob.
create index images_sha256 on images (sha256);

create table collections (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    name            text        not null,
    description     text,
    visibility      text        not null default 'PRIVATE',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint collections_visibility_known check (visibility in ('PRIVATE', 'UNLISTED', 'PUBLIC')),
    constraint collections_name_not_blank check (length(trim(name)) > 0)
);
create index collections_owner_keyset on collections (user_id, created_at desc, id desc);
create index collections_public on collections (created_at desc, id desc) where visibility = 'PUBLIC';

create table collection_images (
    collection_id   uuid        not null references collections (id) on delete cascade,
    image_id        uuid        not null references images (id) on delete cascade,
    position        integer     not null,
    added_at        timestamptz not null default now(),
    primary key (collection_id, image_id),
    constraint collection_images_position_non_negative check (position >= 0)
);
create index collection_images_order on collection_images (collection_id, position, image_id);
create index collection_images_image on collection_images (image_id);
