/** Frame processors, the bounded inboxes that feed them, and the pipeline that links them into a running bot. */
package dev.switchboard.voice.pipeline.pipeline;
