package dev.switchboard.agent.flow;

/**
 * What the customer said in one turn: their words, and the id of the choice they tapped when their last message was
 * a tap on a button or list row we offered (its title is in {@code text}), else null.
 */
public record Utterance(String text, String choiceId) {
}
