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

    private static final java.util.regex.Pattern SLUG_PATTERN = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

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
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.length() > from && path.endsWith("/") ? path.length() - 1 : path.length();
        String slug = path.substring(from, Math.max(from, to));
        return SLUG_PATTERN.matcher(slug).matches() ? slug : null;
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
