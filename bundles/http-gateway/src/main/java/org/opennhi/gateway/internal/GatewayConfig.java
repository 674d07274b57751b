// SPDX-License-Identifier: Apache-2.0
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

    @AttributeDefinition(name = "Requests per second (client token)", min = "1",
            description = "Sustained rate of requests carrying the valid client token (the HIS, ctl) before 429."
                    + " Browser sessions and callers without a credential have budgets of their own, so they can"
                    + " never use this one up.")
    int requestsPerSecond() default 200;

    @AttributeDefinition(name = "Burst (client token)", min = "1",
            description = "Client-token requests accepted at once above the rate.")
    int burst() default 400;

    @AttributeDefinition(name = "Requests per second (browser sessions)", min = "1",
            description = "Sustained rate of requests from the watch and admin pages' sessions, all together.")
    int sessionRequestsPerSecond() default 50;

    @AttributeDefinition(name = "Requests per second (no credential)", min = "1",
            description = "Sustained rate of requests without a valid token, session or login code (login form,"
                    + " wrong tokens, strangers), all together; burst is twice this.")
    int anonymousRequestsPerSecond() default 20;

    @AttributeDefinition(name = "Concurrent requests (no credential)", min = "1",
            description = "Most requests without a credential handled at once (the login form); more answer 503"
                    + " at once, so they can never hold the server's threads.")
    int anonymousConcurrency() default 4;

    @AttributeDefinition(name = "Body read budget (s)", min = "1",
            description = "Seconds a request's whole body may take to arrive; a slower sender gets 408 and its"
                    + " connection is closed. Bodies here are at most 64 KiB, so an honest sender needs milliseconds.")
    int bodyReadSeconds() default 10;

    @AttributeDefinition(name = "Failed authentications per minute", min = "1",
            description = "Requests with a missing or wrong token accepted per minute before answering 429; failed"
                    + " logins (login form, used or unknown login codes) have a budget of the same size of their own.")
    int failedAuthPerMinute() default 60;

    @AttributeDefinition(name = "Event streams", min = "1", description = "Most /events streams open at once.")
    int maxEventStreams() default 16;

    @AttributeDefinition(name = "Heartbeat (s)", min = "1", description = "Seconds between keep-alive comments"
            + " on /events.")
    int heartbeatSeconds() default 15;
}
