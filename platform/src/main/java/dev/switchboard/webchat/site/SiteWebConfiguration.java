package dev.switchboard.webchat.site;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SiteWebConfiguration {

    /** Just ahead of Spring Security, so the tenant's origins decide the preflight, not the API's CORS list. */
    @Bean
    FilterRegistrationBean<WidgetOriginFilter> widgetOriginFilter(Sites sites) {
        var registration = new FilterRegistrationBean<>(new WidgetOriginFilter(sites));
        registration.addUrlPatterns("/webchat/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
