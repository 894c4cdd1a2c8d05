package dev.switchboard.voice.pipeline.frames;

/** The output transport has no more of the bot's audio to play; pushed upstream so turn-taking knows. */
public record BotStoppedSpeakingFrame() implements SystemFrame {}
