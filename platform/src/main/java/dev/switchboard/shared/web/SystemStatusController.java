package dev.switchboard.shared.web;

import dev.switchboard.shared.ProviderStatus;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which providers run live and which are offline stand-ins, for the dashboard's banner. */
@RestController
class SystemStatusController {

    private final List<ProviderStatus> statuses;

    SystemStatusController(List<ProviderStatus> statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/v1/system/status")
    List<ProviderStatus.Mode> status() {
        return statuses.stream().flatMap(s -> s.modes().stream())
                .sorted(Comparator.comparing(ProviderStatus.Mode::component)).toList();
    }
}
