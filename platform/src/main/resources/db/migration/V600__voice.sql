-- Voice: phone calls, what was said on them, and how fast the agent answered. The call is also a conversation on
-- the voice channel (conversation_id), so messages and tool calls live there too; these tables add what only a
-- call has: telephony state, the recording, the transcript as the caller heard it, and per-turn latencies.

create table calls (
    tenant_id        uuid not null references tenants (id),
    id               uuid not null,
    call_sid         text,
    direction        text not null check (direction in ('inbound', 'outbound')),
    from_number      text not null,
    to_number        text not null,
    voice_agent      text not null,
    campaign         text,
    context          jsonb not null default '{}',
    conversation_id  uuid,
    status           text not null default 'queued'
                     check (status in ('queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy',
                                       'failed', 'no-answer', 'canceled')),
    outcome          text check (outcome in ('completed', 'no-answer', 'busy', 'failed', 'voicemail', 'transferred')),
    answered_by      text,
    end_reason       text,
    started_at       timestamptz not null default now(),
    answered_at      timestamptz,
    ended_at         timestamptz,
    duration_seconds integer,
    billable_minutes integer,
    recording_key    text,
    recording_bytes  bigint,
    primary key (tenant_id, id)
);
select enable_tenant_isolation('calls');
create unique index calls_by_sid on calls (tenant_id, call_sid) where call_sid is not null;
create index calls_by_time on calls (tenant_id, started_at desc, id desc);
create index calls_live on calls (tenant_id, direction) where ended_at is null;

-- Turn by turn: what the caller said and what they heard back (cut where they barged in), and the latency of each
-- stage measured from the moment the caller stopped speaking (null when a stage did not happen in that turn).
create table call_turns (
    tenant_id          uuid not null references tenants (id),
    call_id            uuid not null,
    turn_no            integer not null,
    caller_stopped_at  timestamptz not null,
    user_text          text,
    end_of_turn_ms     integer,
    stt_final_ms       integer,
    llm_first_token_ms integer,
    tts_first_audio_ms integer,
    first_audio_ms     integer,
    primary key (tenant_id, call_id, turn_no),
    foreign key (tenant_id, call_id) references calls (tenant_id, id)
);
select enable_tenant_isolation('call_turns');

-- The transcript as the caller experienced it: caller turns, agent speech as far as it was played, tool calls with
-- their arguments and results, and call events (transfer, hang-up).
create table call_transcript (
    tenant_id   uuid not null references tenants (id),
    call_id     uuid not null,
    seq         integer not null,
    role        text not null check (role in ('caller', 'agent', 'tool', 'event')),
    text        text not null,
    interrupted boolean not null default false,
    detail      jsonb,
    at          timestamptz not null,
    primary key (tenant_id, call_id, seq),
    foreign key (tenant_id, call_id) references calls (tenant_id, id)
);
select enable_tenant_isolation('call_transcript');

-- Twilio status callbacks already applied: a redelivered callback finds its key here and changes nothing.
create table call_callbacks (
    tenant_id       uuid not null references tenants (id),
    call_sid        text not null,
    call_status     text not null,
    sequence_number text not null,
    received_at     timestamptz not null default now(),
    primary key (tenant_id, call_sid, call_status, sequence_number)
);
select enable_tenant_isolation('call_callbacks');
