package dev.switchboard.whatsapp.webhook;

import dev.switchboard.shared.ProblemResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /webhooks/whatsapp/{tenant}} as a plain servlet: Meta needs a status code and nothing else, and Spring MVC's
 * dispatch, conversion and content negotiation were a third of the endpoint's CPU at a few hundred webhooks a
 * second. Unknown sub-paths answer 404.
 */
final class WhatsAppWebhookServlet extends HttpServlet {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    private final transient WebhookReception reception;

    WhatsAppWebhookServlet(WebhookReception reception) {
        this.reception = reception;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = slug(request);
        if (slug == null) {
            ProblemResponses.write(response, 404, "Not found", "no such webhook");
            return;
        }
        write(response, reception.verify(slug, request.getParameter("hub.mode"), request.getParameter("hub.verify_token"),
                request.getParameter("hub.challenge")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = slug(request);
        if (slug == null) {
            ProblemResponses.write(response, 404, "Not found", "no such webhook");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        write(response, reception.receive(slug, body, request.getHeader("X-Hub-Signature-256"), request.getRemoteAddr()));
    }

    private static String slug(HttpServletRequest request) {
        String path = request.getPathInfo();
        String slug = path == null ? "" : path.replaceFirst("^/", "").replaceFirst("/$", "");
        return slug.matches(SLUG) ? slug : null;
    }

    private static void write(HttpServletResponse response, WebhookReception.Answer answer) throws IOException {
        if (answer.status() != 200) {
            ProblemResponses.write(response, answer.status(), title(answer.status()), answer.body());
            return;
        }
        response.setStatus(200);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            default -> "Service unavailable";
        };
    }
}
