// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvents;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet context of the whole local API. Its {@link #handleSecurity} runs before every endpoint that
 * selects {@link HttpApi#CONTEXT_SELECT}, so each endpoint gets the Host/Origin allow-lists, the token check
 * and the rate limits without a line of its own. Configuration changes apply live.
 */
@Component(service = {ServletContextHelper.class, TokenRotation.class}, immediate = true, configurationPid = GatewayConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.context.name=" + HttpApi.CONTEXT_NAME,
            "osgi.http.whiteboard.context.path=/",
            "osgi.command.scope=opennhi", "osgi.command.function=rotatetoken"})
@Designate(ocd = GatewayConfig.class)
public final class ApiContext extends ServletContextHelper implements TokenRotation {
    private static final Logger LOG = LoggerFactory.getLogger(ApiContext.class);

    /**
     * Everything a request is checked against, swapped whole on a configuration change. Each caller class has its
     * own budget (issue 16, item 2): a flood without the token, or from a browser, can never use up the HIS's.
     */
    private record Policy(GatewayConfig config, String token, RateLimiter tokenRequests, RateLimiter sessionRequests,
            RateLimiter anonymousRequests, RateLimiter failedBearer, RateLimiter failedLogin, Semaphore anonymousSlots,
            Map<Integer, RequestGuard> guards) {
        Policy(GatewayConfig config, String token) {
            this(config, token, new RateLimiter(config.requestsPerSecond(), config.burst(), System::nanoTime),
                    new RateLimiter(config.sessionRequestsPerSecond(), 2.0 * config.sessionRequestsPerSecond(),
                            System::nanoTime),
                    new RateLimiter(config.anonymousRequestsPerSecond(), 2.0 * config.anonymousRequestsPerSecond(),
                            System::nanoTime),
                    failedAuth(config), failedAuth(config), new Semaphore(Math.max(1, config.anonymousConcurrency())),
                    new ConcurrentHashMap<>());
        }

        /** Wrong tokens and failed logins are counted apart: guessing one never locks the other out. */
        private static RateLimiter failedAuth(GatewayConfig config) {
            return new RateLimiter(config.failedAuthPerMinute() / 60.0, config.failedAuthPerMinute(), System::nanoTime);
        }

        /** The guard for requests that arrived on a local port: default allow-lists name that port. */
        RequestGuard guard(int port) {
            return guards.computeIfAbsent(port, p -> new RequestGuard(
                    config.allowedHosts().length > 0 ? Set.of(config.allowedHosts()) : loopbackHosts(p),
                    config.allowedOrigins().length > 0 ? Set.of(config.allowedOrigins()) : loopbackOrigins(p),
                    token));
        }
    }

    /** Methods the API answers; TRACE (it would echo the Authorization header back) and the rest get 405. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    /** Request attribute holding the anonymous slot a request took, released by {@link #finishSecurity}. */
    private static final String SLOT_ATTRIBUTE = ApiContext.class.getName() + ".slot";

    /** The login page: it checks a login code or the pasted token itself, so it needs neither beforehand. */
    static final String LOGIN_PATH = "/ui/login";

    private final TokenFile tokenFile;
    /** Puts a deleted token file back even while no request comes (a HIS or ctl needs the file to send one). */
    private final java.util.concurrent.ScheduledExecutorService tokenWatch =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opennhi-token-file-watch");
                t.setDaemon(true);
                return t;
            });
    private final UiSessions browsers;
    private final BodyDrain drain = new BodyDrain(tokenWatch);
    private volatile Policy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformEvents events;

    @Activate
    public ApiContext(BundleContext context, @Reference NhiHome home, @Reference UiSessions browsers,
            GatewayConfig config) {
        super(context.getBundle());
        this.browsers = browsers;
        this.tokenFile = new TokenFile(home.iniFolder());
        try {
            this.policy = new Policy(config, tokenFile.readOrCreate());
            LOG.info("API client token in {} ({})", tokenFile.path(), TokenFile.describePermissions(tokenFile.path()));
            tokenWatch.scheduleWithFixedDelay(this::reconcileTokenFile, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the API client token in " + tokenFile.path(), e);
        }
    }

    @Deactivate
    void deactivate() {
        tokenWatch.shutdownNow();
    }

    @Modified
    void modified(GatewayConfig config) {
        policy = new Policy(config, policy.token());
    }

    /** Gogo {@code opennhi:rotatetoken}: issues a new client token; clients re-read the file. */
    public String rotatetoken() throws IOException {
        return rotate("gogo");
    }

    @Override
    public String rotate(String caller) throws IOException {
        String token = tokenFile.rotate();
        policy = new Policy(policy.config(), token);
        browsers.closeAll();
        PlatformEvents e = events;
        if (e != null) {
            e.record(AuditRecord.admin("rotateToken", caller, 0));
        }
        LOG.info("A new client token was issued (asked by {}); browser sessions ended", caller);
        return "A new client token is in " + tokenFile.path();
    }

    @Override
    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            return true; // Felix's error page for a request that was checked already (or is a 404 of no servlet)
        }
        String method = req.getMethod();
        if (!METHODS.contains(method)) {
            res.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            return refuse(res, Verdict.refuse(405, "method_not_allowed", "The API does not answer " + method + "."));
        }
        Policy p = policy;
        RequestGuard guard = p.guard(req.getLocalPort());
        String origin = req.getHeader("Origin");
        Verdict caller = guard.checkCaller(req.getHeader("Host"), origin);
        if (!caller.allowed()) {
            return refuse(res, caller);
        }
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (origin != null) {
            // the exact, allowed origin only: never '*', never an unchecked echo
            res.setHeader("Access-Control-Allow-Origin", origin);
            res.setHeader("Vary", "Origin");
            if ("OPTIONS".equals(method) && req.getHeader("Access-Control-Request-Method") != null) {
                res.setHeader("Access-Control-Allow-Methods", "GET, POST");
                res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                res.setHeader("Access-Control-Max-Age", "600");
                res.setStatus(HttpServletResponse.SC_NO_CONTENT);
                res.flushBuffer();
                return false;
            }
        }
        String path = req.getRequestURI();
        String authorization = req.getHeader("Authorization");
        if (authorization != null && guard.hasToken(authorization)) {
            if (!p.tokenRequests().tryAcquire()) {
                return tooMany(req, res, p.tokenRequests(), "Too many requests; retry later.");
            }
            req.setAttribute(HttpApi.CLIENT_ATTRIBUTE, "local-token");
            return true;
        }
        if (authorization == null) {
            Optional<UiSessions.Session> browser = browsers.find(cookie(req, UiSessions.COOKIE));
            // the login page is open to every session: an admin link must work in a browser a watch page uses
            if (browser.isPresent() && !LOGIN_PATH.equals(path)) {
                return admitSession(req, res, p, browser.get(), method, path);
            }
            if (LOGIN_PATH.equals(path)) {
                if ("GET".equals(method) && browsers.isLiveCode(queryValue(req.getQueryString(), "code"))) {
                    return true; // a live login code is a credential: floods and wrong guesses never block it
                }
                if (!p.anonymousRequests().tryAcquire()) {
                    return tooMany(req, res, p.anonymousRequests(), "Too many requests without a credential.");
                }
                if (!p.failedLogin().tryAcquire()) {
                    return tooMany(req, res, p.failedLogin(), "Too many login attempts.");
                }
                return takeAnonymousSlot(req, res, p);
            }
        }
        if (!p.anonymousRequests().tryAcquire()) {
            return tooMany(req, res, p.anonymousRequests(), "Too many requests without a credential.");
        }
        String page = pageOf(path);
        if (authorization == null && "GET".equals(method) && page != null) {
            return toLogin(res, page); // a person opened a page without a session: the login form, then the page
        }
        if (!p.failedBearer().tryAcquire()) {
            return tooMany(req, res, p.failedBearer(), "Too many failed authentications.");
        }
        res.setHeader("WWW-Authenticate", "Bearer realm=\"opennhi\"");
        return refuse(res, Verdict.refuse(401, "unauthorized",
                "Send the client token from INI/" + TokenFile.FILE_NAME + " as 'Authorization: Bearer <token>'."));
    }

    @Override
    public void finishSecurity(HttpServletRequest req, HttpServletResponse res) {
        if (req.getAttribute(SLOT_ATTRIBUTE) instanceof Semaphore slots) {
            req.removeAttribute(SLOT_ATTRIBUTE);
            slots.release();
        }
    }

    private boolean admitSession(HttpServletRequest req, HttpServletResponse res, Policy p, UiSessions.Session session,
            String method, String path) throws IOException {
        if (!p.sessionRequests().tryAcquire()) {
            return tooMany(req, res, p.sessionRequests(), "Too many requests from the web pages; retry later.");
        }
        if (!SAFE_METHODS.contains(method) && !session.csrfMatches(req.getHeader(UiSessions.CSRF_HEADER))) {
            return refuse(res, Verdict.refuse(403, "csrf_token_missing", "A browser session must send its"
                    + " CSRF token (GET /ui/session) in the " + UiSessions.CSRF_HEADER + " header."));
        }
        if (!session.role().allows(method, path)) {
            String page = pageOf(path);
            if ("GET".equals(method) && page != null && page.startsWith(path)) {
                return toLogin(res, page); // a watch session opening the console page: log in as admin
            }
            return refuse(res, SessionRole.isTokenOnly(path)
                    ? Verdict.refuse(403, "token_required", "This needs the client token, not a browser session.")
                    : Verdict.refuse(403, "not_allowed_for_session", "A " + session.role().name().toLowerCase(
                            java.util.Locale.ROOT) + " session may not do this; log in from an admin link."));
        }
        req.setAttribute(HttpApi.CLIENT_ATTRIBUTE, "browser-session");
        req.setAttribute(UiSessions.class.getName(), session);
        return true;
    }

    /**
     * Caps the requests without a credential that get past this point (the login form, whose body is read) at
     * {@link GatewayConfig#anonymousConcurrency()}: slow senders can hold no more server threads than that.
     * When all slots are taken the caller gets 503 at once instead of a thread.
     */
    private static boolean takeAnonymousSlot(HttpServletRequest req, HttpServletResponse res, Policy p)
            throws IOException {
        Semaphore slots = p.anonymousSlots();
        if (!slots.tryAcquire()) {
            res.setHeader("Retry-After", "1");
            return refuse(res, Verdict.refuse(503, "busy", "Too many requests without a credential at once."));
        }
        req.setAttribute(SLOT_ATTRIBUTE, slots);
        return true;
    }

    /** 429 with Retry-After; the body is drained first so a kept-alive client keeps its connection. */
    private boolean tooMany(HttpServletRequest req, HttpServletResponse res, RateLimiter limiter, String message)
            throws IOException {
        res.setHeader("Retry-After", Long.toString(limiter.secondsUntilNextPermit()));
        if (!drain.drain(req)) {
            res.setHeader("Connection", "close"); // what is left of the body is never read: say so, then close
        }
        return refuse(res, Verdict.refuse(429, "rate_limited", message));
    }

    private static boolean toLogin(HttpServletResponse res, String page) {
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", LOGIN_PATH + "?next=" + page);
        return false;
    }

    /** @return the raw (undecoded) value of a query parameter; login codes are base64url, so none is needed */
    static String queryValue(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * Every 2 s (tokenWatch): has the token file changed under the running API (a new token written in, or the
     * file deleted)? It is reconciled (TokenFile.reconcile), so the file and the API never hold two different
     * live tokens, and a deleted file is back for the HIS and ctl to read.
     */
    private void reconcileTokenFile() {
        Policy p = policy;
        try {
            String token = tokenFile.reconcile(p.token());
            if (!token.equals(p.token())) {
                policy = new Policy(p.config(), token);
                LOG.info("The client token in {} changed: the API accepts the new one", tokenFile.path());
            }
        } catch (IOException e) {
            LOG.warn("Could not check the client token file {}: {}", tokenFile.path(), e.toString());
        }
    }

    /** @return the web page a path belongs to, if it is one of the pages a browser session may open */
    static String pageOf(String path) {
        for (String page : UiSessions.PAGES) {
            if (path.equals(page) || path.startsWith(page) || path.equals(page.substring(0, page.length() - 1))) {
                return page;
            }
        }
        return null;
    }

    static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private static boolean refuse(HttpServletResponse res, Verdict verdict) throws IOException {
        Json.write(res, verdict.status(), Json.error(verdict.error(), verdict.message()));
        res.flushBuffer();
        return false;
    }

    static Set<String> loopbackHosts(int port) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            hosts.add(name + ":" + port);
            if (port == 80) {
                hosts.add(name);
            }
        }
        return hosts;
    }

    static Set<String> loopbackOrigins(int port) {
        Set<String> origins = new LinkedHashSet<>();
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            origins.add("http://" + name + ":" + port);
        }
        return origins;
    }
}
