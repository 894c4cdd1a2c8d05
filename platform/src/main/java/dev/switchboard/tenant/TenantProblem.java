package dev.switchboard.tenant;

import java.time.Instant;

/**
 * Why a tenant directory (or one file of it) was refused: the file relative to the tenants folder, the line,
 * the field as a JSON pointer, and what is wrong. The previous valid version keeps serving meanwhile.
 */
public record TenantProblem(String slug, String file, Integer line, String field, String message, Instant at) {

    @Override
    public String toString() {
        return file + (line != null ? ":" + line : "") + (field != null && !field.isEmpty() ? " " + field : "")
                + ": " + message;
    }
}
