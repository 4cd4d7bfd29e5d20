package com.zmart.web.problems;

import java.util.Map;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ContinueResponseTiming;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Import into a service to make every 4xx and 5xx application/problem+json and malformed requests 4xx, from Tomcat's
 * own rejections up to Spring MVC's exception handling, and every 400 for bad input the {@link InvalidRequest} shape.
 */
@Configuration(proxyBeanMethods = false)
@Import(ClientErrorHandlers.class)
public class ProblemResponsesConfiguration {

    /**
     * Spring MVC's exception handling for a service without a handler of its own (one that has one extends
     * {@link InvalidRequestHandlers}). Boot's own problem-details handler backs off for either, as it does for any
     * {@link ResponseEntityExceptionHandler}. The service's scanned handlers are registered before this condition is
     * evaluated: component scanning registers them while the application class is parsed, before the @Bean methods of
     * the configurations it imports are read.
     */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    InvalidRequestHandlers invalidRequestHandlers() {
        return new InvalidRequestHandlers();
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes) {
        return new ProblemErrorController(errorAttributes);
    }

    @Bean
    SimpleUrlHandlerMapping problemErrorMapping(ProblemErrorController controller,
                                                @Value("${server.error.path:/error}") String errorPath) {
        return new SimpleUrlHandlerMapping(Map.of(errorPath, controller), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
        FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A request that announces its body ({@code Expect: 100-continue}) and is refused before the body is read (a 401,
     * a 413 by declared length) gets its answer instead of a 100, so the client never sends the body. With Tomcat's
     * default (100 before the request reaches the application) the client sends it anyway; past Tomcat's swallow
     * limit the server then closes the connection while the body is still arriving, and the client may lose the
     * answer to a reset.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenTheBodyIsRead() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setProperty("continueResponseTiming", ContinueResponseTiming.ON_REQUEST_BODY_READ.toString()));
    }

    /** Runs after Boot's own customizer, which adds a plain ErrorReportValve to the host. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standardHost) {
                    // StandardHost adds a valve of this class on start unless one is there already.
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                ProblemErrorReportValve valve = new ProblemErrorReportValve();
                valve.setShowReport(false);
                valve.setShowServerInfo(false);
                host.getPipeline().addValve(valve);
            }
        });
    }
}
