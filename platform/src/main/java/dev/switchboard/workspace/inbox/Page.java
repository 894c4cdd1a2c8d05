package dev.switchboard.workspace.inbox;

import java.util.List;

/** A page of a list; {@code next} is the cursor of the following page, null on the last one. */
public record Page<T>(List<T> items, String next) {
}
