-- No query reads whatsapp_inbox_due since claims walk whatsapp_inbox_unprocessed_by_id in arrival order, yet every
-- insert and every claim (which moves available_at) wrote an entry to it. Worse, while a fast-growing table's
-- statistics still describe it as small, the planner chose it for "where id in (...) and state = 'processing'" (the
-- completion of claimed rows), reading every unprocessed row's entry of the tenant to find a handful: about 1,900
-- buffers per completion in the WhatsApp benchmark at 200 messages a second, half of all the buffers its statements
-- read. Without it that update finds its rows by primary key.
drop index if exists whatsapp_inbox_due;
