package org.opennhi.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI local HTTP gateway",
        description = "Who may call the local API. Applied live.")
@interface GatewayConfig {
    String PID = "opennhi.gateway";

    @AttributeDefinition(name = "Allowed Host headers", required = false, cardinality = 64,
            description = "Exact host:port values a request's Host header may carry. Empty: 127.0.0.1, localhost"
                    + " and [::1] with the port the API listens on.")
    String[] allowedHosts() default {};

    @AttributeDefinition(name = "Allowed origins", required = false, cardinality = 64,
            description = "Exact scheme://host[:port] origins web pages may call from. Empty: the API's own"
                    + " loopback origins only. '*' and 'null' are never accepted.")
    String[] allowedOrigins() default {};

    @AttributeDefinition(name = "Requests per second", min = "1",
            description = "Sustained request rate the API accepts before answering 429.")
    int requestsPerSecond() default 200;

    @AttributeDefinition(name = "Burst", min = "1", description = "Requests accepted at once above the rate.")
    int burst() default 400;

    @AttributeDefinition(name = "Failed authentications per minute", min = "1",
            description = "Requests with a missing or wrong token accepted per minute before answering 429.")
    int failedAuthPerMinute() default 60;

    @AttributeDefinition(name = "Event streams", min = "1", description = "Most /events streams open at once.")
    int maxEventStreams() default 16;

    @AttributeDefinition(name = "Heartbeat (s)", min = "1", description = "Seconds between keep-alive comments"
            + " on /events.")
    int heartbeatSeconds() default 15;
}
