/** A fake Pinecone data plane (query, upsert, fetch, stats) over an in-memory index, with a tiny text embedder. */
package dev.switchboard.fakes.pinecone;
