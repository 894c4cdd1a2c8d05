-- Agent: the bookkeeping of each turn of the agent graph. What was said and done (customer messages, tool calls
-- with arguments and outcome, replies) lives in messages; these tables hold what only the agent needs: the turn
-- itself (which customer messages it answers, who runs it), each model call with its usage and cost, the ids a
-- tool handed out in a conversation, and the offline flow's position. Together they are enough to resume a turn.

-- One turn answers the customer messages with seq in (previous turn's last_seq, last_seq]. At most one turn per
-- conversation runs at a time (the partial unique index), on whichever node holds its lease; a lease that runs
-- out without the turn finishing means its node died, and the turn is resumed elsewhere from its rows.
create table agent_turns (
    tenant_id       uuid not null references tenants (id),
    id              uuid not null,
    conversation_id uuid not null,
    last_seq        bigint not null,
    status          text not null default 'running'
                    check (status in ('running', 'answered', 'handed_off', 'ended', 'refused', 'cancelled', 'failed')),
    brain           text check (brain in ('llm', 'flow')),
    language        text check (language in ('en', 'es')),
    steps           integer not null default 0,
    tool_calls      integer not null default 0,
    handoff_reason  text,
    outcome         text,
    lease_owner     text,
    lease_until     timestamptz not null default now() + interval '2 minutes',
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
select enable_tenant_isolation('agent_turns');
create unique index agent_turns_one_running on agent_turns (tenant_id, conversation_id) where status = 'running';
create index agent_turns_by_conversation on agent_turns (tenant_id, conversation_id, started_at);
create index agent_turns_leases on agent_turns (tenant_id, lease_until) where status = 'running';

-- Every call to a language model, as it completed or failed: the response (text and tool calls) is kept so a
-- resumed turn continues from it instead of asking the model again.
create table llm_calls (
    tenant_id          uuid not null references tenants (id),
    id                 uuid not null,
    turn_id            uuid not null,
    conversation_id    uuid not null,
    step               integer not null,
    provider           text not null,
    model              text not null,
    status             text not null check (status in ('ok', 'failed')),
    input_tokens       integer not null default 0,
    output_tokens      integer not null default 0,
    cache_read_tokens  integer not null default 0,
    cache_write_tokens integer not null default 0,
    cost_micros        bigint not null default 0,   -- US dollars times a million, from the configured price table
    latency_ms         integer not null,
    first_token_ms     integer,
    attempts           integer not null default 1,
    stop_reason        text,
    response           jsonb not null default '{}',
    error              text,
    created_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, turn_id) references agent_turns (tenant_id, id)
);
select enable_tenant_isolation('llm_calls');
create index llm_calls_by_turn on llm_calls (tenant_id, turn_id, step);
create index llm_calls_by_day on llm_calls (tenant_id, created_at);

-- Ids a tool's response handed out in a conversation for the verified customer of that moment (appointment ids
-- from get_appointment...). A later model-supplied id of that kind must be one of them.
create table agent_references (
    tenant_id       uuid not null references tenants (id),
    conversation_id uuid not null,
    customer_ref    text not null,
    kind            text not null,
    value           text not null,
    tool_message_id uuid,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, conversation_id, customer_ref, kind, value),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
select enable_tenant_isolation('agent_references');

-- Where the offline flow stands in a conversation: the intent in progress, its step, collected slots and results.
create table agent_flow_states (
    tenant_id       uuid not null references tenants (id),
    conversation_id uuid not null,
    state           jsonb not null,
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, conversation_id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
select enable_tenant_isolation('agent_flow_states');
