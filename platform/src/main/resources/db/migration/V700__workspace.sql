-- Workspace: the human side of conversations. Who holds a conversation is the conversation row itself
-- (owner, assignee_id); these tables hold what only the workspace needs: the audit trail of every ownership
-- change, the agents' live dashboard connections (presence) and the tenant's canned replies.

-- One row per state change of a conversation, written in the same transaction as the change itself.
-- actor_id null: the platform acted (the AI asked for a human, automatic assignment, session expiry).
create table conversation_audit (
    tenant_id       uuid not null references tenants (id),
    id              bigint generated always as identity,
    conversation_id uuid not null,
    change          text not null,
    from_status     text not null check (from_status in ('active', 'pending', 'human', 'closed')),
    to_status       text not null check (to_status in ('active', 'pending', 'human', 'closed')),
    owner           text not null check (owner in ('ai', 'human')),
    assignee_id     uuid references users (id),
    actor_id        uuid references users (id),
    reason          text,
    at              timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
select enable_tenant_isolation('conversation_audit');
create index conversation_audit_by_conversation on conversation_audit (tenant_id, conversation_id, id);
-- Round robin: when each agent was last offered a conversation automatically.
create index conversation_audit_assignments on conversation_audit (tenant_id, assignee_id, at) where change = 'assigned';

-- One row per open dashboard connection subscribed to a tenant. A row whose last_seen is older than the
-- heartbeat timeout belongs to a node that died; readers ignore it and a sweep deletes it.
create table agent_presence (
    tenant_id     uuid not null references tenants (id),
    connection_id uuid not null,
    user_id       uuid not null references users (id),
    node_id       text not null,
    state         text not null check (state in ('online', 'away')),
    connected_at  timestamptz not null default now(),
    last_seen     timestamptz not null default now(),
    primary key (tenant_id, connection_id)
);
select enable_tenant_isolation('agent_presence');
create index agent_presence_by_user on agent_presence (tenant_id, user_id);

-- Answers agents insert from the composer; {{contact.name}}-style variables are filled in when inserted.
create table canned_replies (
    tenant_id  uuid not null references tenants (id),
    id         uuid not null,
    shortcut   text not null check (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    title      text not null check (length(title) between 1 and 120),
    body       text not null check (length(body) between 1 and 4000),
    created_by uuid references users (id),
    updated_by uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, shortcut)
);
select enable_tenant_isolation('canned_replies');

