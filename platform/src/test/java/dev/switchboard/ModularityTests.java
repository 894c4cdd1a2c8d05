package dev.switchboard;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold: no cycles, and no module reaches into another module's internal packages. The fakes
 * share the {@code dev.switchboard} namespace on the test classpath but are no part of the application.
 */
class ModularityTests {

    private static final ApplicationModules MODULES =
            ApplicationModules.of(SwitchboardApplication.class, resideInAPackage("dev.switchboard.fakes.."));

    @Test
    void modulesOnlyUseEachOthersPublishedApi() {
        MODULES.verify();
    }

    /** Writes the module diagrams and canvases to target/spring-modulith-docs. */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeDocumentation();
    }
}
