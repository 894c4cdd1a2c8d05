package dev.switchboard.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard is a single-page app served under {@code /app/}: its client-side routes (e.g.
 * {@code /app/conversations/42}) all load the same index.html, while real files are served as they are.
 */
@Controller
class DashboardRoutes {

    @GetMapping("/")
    String root() {
        return "redirect:/app/";
    }

    @GetMapping({"/app", "/app/"})
    String app() {
        return "forward:/app/index.html";
    }

    /** Up to four segments, none with a dot: {@code /app/assets/index-1a2b.js} stays a file. */
    @GetMapping({"/app/{a:[^.]*}", "/app/{a:[^.]*}/{b:[^.]*}", "/app/{a:[^.]*}/{b:[^.]*}/{c:[^.]*}",
            "/app/{a:[^.]*}/{b:[^.]*}/{c:[^.]*}/{d:[^.]*}"})
    String clientRoute() {
        return "forward:/app/index.html";
    }
}
