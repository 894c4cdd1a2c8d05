-- WhatsApp: the inbox of Meta's webhook events, each customer's service window, and send pacing per number.

-- Every message and status Meta delivers, written before the webhook is acknowledged. The row is the
-- deduplication record (Meta redelivers for days, to any node) and the work queue: workers claim due rows with
-- FOR UPDATE SKIP LOCKED. A claimed row's available_at is its lease: if the node dies, the row falls due again.
create table whatsapp_inbox (
    tenant_id    uuid not null references tenants (id),
    id           bigint generated always as identity,
    event_key    text not null,        -- the message's wamid, or wamid:status for a status
    kind         text not null check (kind in ('message', 'status')),
    payload      jsonb not null,       -- the message or status object (and the sender's profile name)
    received_at  timestamptz not null default now(),
    state        text not null default 'pending' check (state in ('pending', 'processing', 'done', 'dead')),
    attempts     integer not null default 0,
    available_at timestamptz not null default now(),
    processed_at timestamptz,
    last_error   text,
    primary key (tenant_id, id),
    unique (tenant_id, event_key)
);
select enable_tenant_isolation('whatsapp_inbox');
create index whatsapp_inbox_due on whatsapp_inbox (tenant_id, available_at) where state in ('pending', 'processing');
create index whatsapp_inbox_done on whatsapp_inbox (tenant_id, received_at) where state = 'done';

-- When each customer last wrote: free-form messages are allowed for 24 hours after it, templates always.
create table whatsapp_customer_windows (
    tenant_id       uuid not null references tenants (id),
    wa_id           text not null,
    last_inbound_at timestamptz not null,
    primary key (tenant_id, wa_id)
);
select enable_tenant_isolation('whatsapp_customer_windows');

-- Send pacing per business number, shared by every node: the next free send slot (a generic cell rate
-- algorithm). One atomic update reserves a slot; the sender waits until it comes.
create table whatsapp_send_pacing (
    tenant_id       uuid not null references tenants (id),
    phone_number_id text not null,
    next_slot_at    timestamptz not null,
    primary key (tenant_id, phone_number_id)
);
select enable_tenant_isolation('whatsapp_send_pacing');
