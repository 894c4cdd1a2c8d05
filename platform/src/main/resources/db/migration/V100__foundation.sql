-- Foundation: isolation machinery, tenants, identity, configuration overrides, secrets, event publication.
--
-- Migrations run as the owner role. The application connects as ${app_role}, which owns nothing and cannot
-- bypass row-level security; it gets plain DML on every table created here and in later migrations.
-- Module version ranges: 1xx foundation, 2xx conversation, 3xx agent, 4xx webchat, 5xx whatsapp, 6xx voice,
-- 7xx workspace, 8xx campaigns, 9xx analytics/automation/billing/telephony.

grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- The tenant of the current transaction, set by the application with set_config('app.tenant_id', ..., true).
-- Empty or unset means no tenant: every tenant policy then matches nothing.
create function app_current_tenant() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function app_current_user() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Every table with a tenant_id calls this once: RLS enabled and forced (the owner is held too), one policy with
-- USING and WITH CHECK on the current tenant. A catalog test fails the build when a table skips it.
create function enable_tenant_isolation(target regclass) returns void
    language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s using (tenant_id = app_current_tenant()) '
                   'with check (tenant_id = app_current_tenant())', target);
end $$;
revoke execute on function enable_tenant_isolation(regclass) from public;

-- The registry of tenants known from their directories. Platform-level: no tenant_id, so no policy.
create table tenants (
    id         uuid primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table users (
    id                   uuid primary key,
    email                text not null unique check (email = lower(email)),
    display_name         text not null,
    password_hash        text,
    platform_operator    boolean not null default false,
    disabled_at          timestamptz,
    -- Access tokens carry the epoch they were issued under; a password change or a disable bumps it, which
    -- ends every session at once (and every refresh token family is revoked with it).
    session_epoch        integer not null default 0,
    created_at           timestamptz not null default now()
);

create table memberships (
    tenant_id  uuid not null references tenants (id),
    user_id    uuid not null references users (id),
    role       text not null check (role in ('owner', 'admin', 'agent')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);
create index memberships_by_user on memberships (user_id);
alter table memberships enable row level security;
alter table memberships force row level security;
-- A user may also list their own memberships across tenants (GET /me) with no tenant chosen; writes stay
-- confined to the current tenant.
create policy tenant_isolation on memberships
    using (tenant_id = app_current_tenant() or user_id = app_current_user())
    with check (tenant_id = app_current_tenant());

-- Refresh tokens belong to a user, not to a tenant. Only their hash is stored. A family is one login's chain
-- of rotations; presenting a spent token revokes the whole family.
create table refresh_tokens (
    id          uuid primary key,
    user_id     uuid not null references users (id),
    family_id   uuid not null,
    token_hash  bytea not null unique,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    spent_at    timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_by_family on refresh_tokens (family_id);
create index refresh_tokens_by_user on refresh_tokens (user_id);

create table invitations (
    tenant_id   uuid not null references tenants (id),
    id          uuid not null,
    email       text not null check (email = lower(email)),
    role        text not null check (role in ('owner', 'admin', 'agent')),
    token_hash  bytea not null unique,
    invited_by  uuid references users (id),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id)
);
select enable_tenant_isolation('invitations');

-- Dashboard edits over the tenant directory's defaults. The current value per key, plus the full history.
create table config_overrides (
    tenant_id  uuid not null references tenants (id),
    key        text not null,
    value      jsonb not null,
    version    bigint not null,
    updated_by uuid references users (id),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, key)
);
select enable_tenant_isolation('config_overrides');

create table config_override_history (
    tenant_id  uuid not null references tenants (id),
    version    bigint not null,
    key        text not null,
    old_value  jsonb,
    new_value  jsonb,            -- null: the override was removed and the directory default applies again
    changed_by uuid references users (id),
    changed_at timestamptz not null default now(),
    reverted_version bigint,     -- set when this change reverted an earlier one
    primary key (tenant_id, version)
);
select enable_tenant_isolation('config_override_history');

-- Secrets are AES-GCM ciphertext (nonce || ciphertext+tag) under a master key kept outside the database;
-- the tenant id and name are the associated data, so a copied ciphertext does not decrypt under another row.
create table tenant_secrets (
    tenant_id  uuid not null references tenants (id),
    name       text not null check (name ~ '^[a-z0-9_.-]{1,64}$'),
    ciphertext bytea not null,
    key_id     text not null,
    updated_by uuid references users (id),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, name)
);
select enable_tenant_isolation('tenant_secrets');

-- Spring Modulith's event publication registry (the transactional outbox), as its 2.1 schema defines it.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);
