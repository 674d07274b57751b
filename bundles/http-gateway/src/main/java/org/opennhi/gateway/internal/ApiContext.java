package org.opennhi.gateway.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.platform.NhiHome;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet context of the whole local API. Its {@link #handleSecurity} runs before every endpoint that
 * selects {@link HttpApi#CONTEXT_SELECT}, so each endpoint gets the Host/Origin allow-lists, the token check
 * and the rate limits without a line of its own. Configuration changes apply live.
 */
@Component(service = ServletContextHelper.class, immediate = true, configurationPid = GatewayConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.context.name=" + HttpApi.CONTEXT_NAME,
            "osgi.http.whiteboard.context.path=/",
            "osgi.command.scope=opennhi", "osgi.command.function=rotatetoken"})
@Designate(ocd = GatewayConfig.class)
public final class ApiContext extends ServletContextHelper {
    private static final Logger LOG = LoggerFactory.getLogger(ApiContext.class);

    /** Everything a request is checked against, swapped whole on a configuration change. */
    private record Policy(GatewayConfig config, String token, RateLimiter requests, RateLimiter failedAuth,
            Map<Integer, RequestGuard> guards) {
        Policy(GatewayConfig config, String token) {
            this(config, token, new RateLimiter(config.requestsPerSecond(), config.burst(), System::nanoTime),
                    new RateLimiter(config.failedAuthPerMinute() / 60.0, config.failedAuthPerMinute(),
                            System::nanoTime),
                    new ConcurrentHashMap<>());
        }

        /** The guard for requests that arrived on a local port: default allow-lists name that port. */
        RequestGuard guard(int port) {
            return guards.computeIfAbsent(port, p -> new RequestGuard(
                    config.allowedHosts().length > 0 ? Set.of(config.allowedHosts()) : loopbackHosts(p),
                    config.allowedOrigins().length > 0 ? Set.of(config.allowedOrigins()) : loopbackOrigins(p),
                    token));
        }
    }

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
    private volatile Policy policy;

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
        String token = tokenFile.rotate();
        policy = new Policy(policy.config(), token);
        browsers.closeAll();
        return "A new client token is in " + tokenFile.path();
    }

    @Override
    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse res) throws IOException {
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
            if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
                res.setHeader("Access-Control-Allow-Methods", "GET, POST");
                res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                res.setHeader("Access-Control-Max-Age", "600");
                res.setStatus(HttpServletResponse.SC_NO_CONTENT);
                res.flushBuffer();
                return false;
            }
        }
        if (!p.requests().tryAcquire()) {
            res.setHeader("Retry-After", Long.toString(p.requests().secondsUntilNextPermit()));
            return refuse(res, Verdict.refuse(429, "rate_limited", "Too many requests; retry later."));
        }
        if (LOGIN_PATH.equals(req.getRequestURI())) {
            // every login attempt counts against the failed-authentication budget: codes and tokens cannot be guessed
            if (!p.failedAuth().tryAcquire()) {
                res.setHeader("Retry-After", Long.toString(p.failedAuth().secondsUntilNextPermit()));
                return refuse(res, Verdict.refuse(429, "rate_limited", "Too many login attempts."));
            }
            return true;
        }
        if (req.getHeader("Authorization") == null) {
            Optional<UiSessions.Session> browser = browsers.find(cookie(req, UiSessions.COOKIE));
            if (browser.isPresent()) {
                if (!SAFE_METHODS.contains(req.getMethod())
                        && !browser.get().csrfMatches(req.getHeader(UiSessions.CSRF_HEADER))) {
                    return refuse(res, Verdict.refuse(403, "csrf_token_missing", "A browser session must send its"
                            + " CSRF token (GET /ui/session) in the " + UiSessions.CSRF_HEADER + " header."));
                }
                req.setAttribute(HttpApi.CLIENT_ATTRIBUTE, "browser-session");
                req.setAttribute(UiSessions.class.getName(), browser.get());
                return true;
            }
            String page = pageOf(req.getRequestURI());
            if ("GET".equals(req.getMethod()) && page != null) {
                // a person opened a page without a session: the login form, then back to the page
                res.setStatus(HttpServletResponse.SC_SEE_OTHER);
                res.setHeader("Location", LOGIN_PATH + "?next=" + page);
                return false;
            }
        }
        if (!guard.hasToken(req.getHeader("Authorization"))) {
            if (!p.failedAuth().tryAcquire()) {
                res.setHeader("Retry-After", Long.toString(p.failedAuth().secondsUntilNextPermit()));
                return refuse(res, Verdict.refuse(429, "rate_limited", "Too many failed authentications."));
            }
            res.setHeader("WWW-Authenticate", "Bearer realm=\"opennhi\"");
            return refuse(res, Verdict.refuse(401, "unauthorized",
                    "Send the client token from INI/" + TokenFile.FILE_NAME + " as 'Authorization: Bearer <token>'."));
        }
        req.setAttribute(HttpApi.CLIENT_ATTRIBUTE, "local-token");
        return true;
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
