package dev.switchboard.voice.pipeline.frames;

/** The output transport started playing the bot's audio; pushed upstream so turn-taking knows. */
public record BotStartedSpeakingFrame() implements SystemFrame {}
