-- Conversation: contacts, their ids on each channel, conversations and their messages.
-- A message row is what was said or done (customer, AI, human, tool, system, private note); the agent's own
-- bookkeeping (turns, LLM calls) lives in the agent's tables and points here.

create table contacts (
    tenant_id     uuid not null references tenants (id),
    id            uuid not null,
    display_name  text,
    language      text check (language in ('en', 'es')),
    -- The tenant's own id for this person, once verified (a document check by a tool, or the site's signed
    -- identity in the web chat). Tools act on this customer only.
    customer_ref  text,
    customer_name text,
    verified_at   timestamptz,
    attributes    jsonb not null default '{}',
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
select enable_tenant_isolation('contacts');

-- The contact's address on one channel (web chat visitor id, WhatsApp wa_id, phone number).
create table contact_channels (
    tenant_id  uuid not null,
    channel    text not null check (channel in ('webchat', 'whatsapp', 'voice')),
    address    text not null,
    contact_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, channel, address),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
select enable_tenant_isolation('contact_channels');

create table conversations (
    tenant_id       uuid not null references tenants (id),
    id              uuid not null,
    contact_id      uuid not null,
    channel         text not null check (channel in ('webchat', 'whatsapp', 'voice')),
    channel_address text not null,
    status          text not null default 'active' check (status in ('active', 'pending', 'human', 'closed')),
    owner           text not null default 'ai' check (owner in ('ai', 'human')),
    assignee_id     uuid references users (id),
    handoff_reason  text,
    brain           text check (brain in ('llm', 'flow')),
    language        text check (language in ('en', 'es')),
    opened_at       timestamptz not null default now(),
    last_message_at timestamptz not null default now(),
    closed_at       timestamptz,
    close_reason    text,
    csat            smallint check (csat between 1 and 5),
    next_seq        bigint not null default 1,
    attributes      jsonb not null default '{}',
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
select enable_tenant_isolation('conversations');
create index conversations_open_by_contact on conversations (tenant_id, contact_id, channel) where status <> 'closed';
create index conversations_by_activity on conversations (tenant_id, status, last_message_at desc);
create index conversations_by_assignee on conversations (tenant_id, assignee_id) where status <> 'closed';

create table messages (
    tenant_id           uuid not null,
    conversation_id     uuid not null,
    seq                 bigint not null,       -- gapless order within the conversation; clients resume from it
    id                  uuid not null,
    role                text not null check (role in ('customer', 'ai', 'human', 'tool', 'system', 'note')),
    kind                text not null default 'text',
    text                text,
    content             jsonb not null default '{}',
    author_id           uuid references users (id),
    channel             text not null,
    provider_message_id text,                  -- inbound: the provider's id (deduplication); outbound: the id sent
    turn_id             uuid,
    delivery_status     text check (delivery_status in ('queued', 'sent', 'delivered', 'read', 'failed')),
    delivery_error      jsonb,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (tenant_id, conversation_id, seq),
    unique (tenant_id, id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
select enable_tenant_isolation('messages');
-- A provider's inbound message id is processed once per tenant and channel, whatever redelivers it.
create unique index messages_inbound_once on messages (tenant_id, channel, provider_message_id)
    where provider_message_id is not null and role = 'customer';
create index messages_outbound_by_provider_id on messages (tenant_id, provider_message_id)
    where provider_message_id is not null and role <> 'customer';
create index messages_by_turn on messages (tenant_id, turn_id) where turn_id is not null;
create index messages_text_search on messages using gin (to_tsvector('simple', coalesce(text, '')));
