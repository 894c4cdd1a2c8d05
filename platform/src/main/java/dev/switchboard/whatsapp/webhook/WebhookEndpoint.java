package dev.switchboard.whatsapp.webhook;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Mounts the webhook servlet beside Spring MVC. Spring Security's filter chain is skipped for this path: the
 * caller proves itself with the signature over the body (there is no session, cookie or token to guard), and a
 * dozen wrapped filters per request cost more than the webhook's own work. The request firewall and the body-size
 * limit still apply.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEndpoint {

    static final String PATH = "/webhooks/whatsapp/*";

    @Bean
    ServletRegistrationBean<WhatsAppWebhookServlet> whatsAppWebhookServlet(WebhookReception reception) {
        ServletRegistrationBean<WhatsAppWebhookServlet> registration =
                new ServletRegistrationBean<>(new WhatsAppWebhookServlet(reception), PATH);
        registration.setName("whatsapp-webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    WebSecurityCustomizer whatsAppWebhooksOutsideTheSecurityChain() {
        return web -> web.ignoring().requestMatchers("/webhooks/whatsapp/**");
    }
}
