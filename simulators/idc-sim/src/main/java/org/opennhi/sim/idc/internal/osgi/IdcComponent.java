// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.osgi;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import org.opennhi.sim.idc.IdcEndpoint;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The IDC simulator embedded in the platform's demo mode: starts only when its configuration
 * ({@code org.opennhi.sim.idc}) exists, on its own Jetty and port, and registers an {@link IdcEndpoint}.
 * Immediate: the IDC must listen whether or not anything in this framework looks the service up.
 */
@Component(configurationPid = IdcComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = IdcEndpoint.class)
@Designate(ocd = IdcComponent.Config.class)
public final class IdcComponent implements IdcEndpoint {
    /** Configuration PID. */
    public static final String PID = "org.opennhi.sim.idc";

    /** Settings of the embedded IDC simulator. */
    @ObjectClassDefinition(name = "Open NHI simulated IDC", description = "The simulated NHI data centre of demo mode")
    public @interface Config {
        /** @return the data folder */
        @AttributeDefinition(description = "Data folder (journal, CA, uploads, audit); empty: <user.home>/.opennhi/idc")
        String dataDir() default "";

        /** @return the bind address */
        @AttributeDefinition(description = "Address to bind; loopback unless you need another machine to reach it")
        String host() default "127.0.0.1";

        /** @return the port */
        @AttributeDefinition(description = "TCP port; 0 picks a free one (find it through the IdcEndpoint service)")
        int port() default 0;
    }

    private final IdcSimulator idc;

    /** Starts the simulator. */
    @Activate
    public IdcComponent(Config config) {
        Path data = config.dataDir().isBlank() ? Path.of(System.getProperty("user.home"), ".opennhi", "idc")
                : Path.of(config.dataDir());
        idc = IdcSimulator.start(IdcOptions.defaults(data).withHost(config.host()).withPort(config.port()));
    }

    /** Stops it; the state stays on disk. */
    @Deactivate
    public void stop() {
        idc.close();
    }

    @Override
    public URI baseUri() {
        return idc.baseUri();
    }

    @Override
    public X509Certificate caCertificate() {
        return idc.caCertificate();
    }

    @Override
    public Path caFile() {
        return idc.caFile();
    }

    @Override
    public SSLContext clientTlsContext() {
        return idc.clientTlsContext();
    }
}
