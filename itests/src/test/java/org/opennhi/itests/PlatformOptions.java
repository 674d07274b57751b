// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;

/** The Pax Exam options that boot the distribution's own bundle set on a new NHI home and a free port. */
final class PlatformOptions {
    private PlatformOptions() {
    }

    /**
     * @param extraBundleProperties system properties naming extra bundle files to install (e.g. simulators)
     */
    static List<Option> platform(String... extraBundleProperties) throws IOException {
        Path work = Path.of(System.getProperty("opennhi.itest.work", "target/itest-work"));
        Files.createDirectories(work);
        Path nhiHome = Files.createTempDirectory(work, "home-");
        List<Option> options = new ArrayList<>();
        File[] jars = new File(System.getProperty("opennhi.itest.bundles", "../distribution/target/nhi-cs/bundle"))
                .listFiles((dir, name) -> name.endsWith(".jar"));
        assertNotNull("build the distribution first: its bundle/ folder is what the tests install", jars);
        Arrays.sort(jars);
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        for (String property : extraBundleProperties) {
            String file = System.getProperty(property);
            assertNotNull("run through Maven: it sets " + property, file);
            options.add(bundle(new File(file).toURI().toString()));
        }
        options.add(junitBundles());
        options.add(cleanCaches(true));
        options.add(systemProperty("opennhi.home").value(nhiHome.toString()));
        options.add(systemProperty("opennhi.demo").value("true"));
        options.add(systemProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(systemProperty("org.osgi.service.http.port").value(Integer.toString(freePort())));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(systemProperty("org.eclipse.jetty.LEVEL").value("WARN"));
        // Gogo would stop the framework when this JVM's stdin ends
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        return options;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
