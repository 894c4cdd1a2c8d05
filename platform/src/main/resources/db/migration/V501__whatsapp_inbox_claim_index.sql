-- Workers claim the oldest due events (order by id, limit, skip locked). The inbox keeps processed events as its
-- dedupe record, so without an index holding only the unprocessed ones every claim walked past all the done rows
-- (thousands read per message under load).
create index whatsapp_inbox_unprocessed_by_id on whatsapp_inbox (id) where state in ('pending', 'processing');
