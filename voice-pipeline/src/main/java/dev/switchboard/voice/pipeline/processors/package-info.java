/** The generic stages a voice bot is assembled from: turn detection with barge-in, the LLM stage and the transcript aggregators. */
package dev.switchboard.voice.pipeline.processors;
