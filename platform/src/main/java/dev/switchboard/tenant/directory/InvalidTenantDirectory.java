package dev.switchboard.tenant.directory;

import dev.switchboard.tenant.TenantProblem;
import java.util.List;

/** A tenant directory that cannot serve, with every problem found in it. */
class InvalidTenantDirectory extends Exception {

    private final List<TenantProblem> problems;

    InvalidTenantDirectory(List<TenantProblem> problems) {
        super(problems.stream().map(TenantProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    List<TenantProblem> problems() {
        return problems;
    }
}
