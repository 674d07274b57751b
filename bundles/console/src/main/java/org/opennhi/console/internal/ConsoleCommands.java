// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.AuditContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console in the Gogo shell: {@code opennhi:samauth} (csVerifySAMDC), {@code opennhi:softwarereset 0..3}
 * (csSoftwareReset), {@code opennhi:resetfsim} (csResetFsim), {@code opennhi:killcstask}, {@code opennhi:remote} /
 * {@code opennhi:local} (csUpRemType / csUpLocType), {@code opennhi:fastauth on|off}, {@code opennhi:log [file]},
 * {@code opennhi:loglevel [ERROR|WARN|INFO|DEBUG|TRACE]} (LOG/platform.log, live).
 * Reader type and rescan are {@code opennhi:readertype} and {@code opennhi:rescan} of the reader bundles.
 */
@Component(service = ConsoleCommands.class, property = {"osgi.command.scope=opennhi",
    "osgi.command.function=samauth", "osgi.command.function=softwarereset", "osgi.command.function=resetfsim",
    "osgi.command.function=killcstask", "osgi.command.function=remote", "osgi.command.function=local",
    "osgi.command.function=fastauth", "osgi.command.function=log", "osgi.command.function=loglevel"})
public final class ConsoleCommands {
    private static final long WAIT_SECONDS = 120;
    private final ConsoleActions actions;
    private final LogLevelSetting logLevel;

    @Activate
    public ConsoleCommands(@Reference ConsoleActions actions, @Reference LogLevelSetting logLevel) {
        this.actions = actions;
        this.logLevel = logLevel;
    }

    public String samauth() throws InterruptedException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        return await(actions.authenticateSam());
    }

    public String softwarereset(int target) throws InterruptedException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        return await(actions.softwareReset(target));
    }

    public String resetfsim() throws InterruptedException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        return await(actions.resetFsim());
    }

    public String killcstask() {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        actions.stopPlatform();
        return "The platform stops now.";
    }

    public String remote() throws java.io.IOException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        actions.setPlatform("remoteDesktop", true);
        return "Readers on a remote desktop client (CSREMOTE=ENABLE).";
    }

    public String local() throws java.io.IOException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        actions.setPlatform("remoteDesktop", false);
        return "Readers on this PC (CSREMOTE=DISABLE).";
    }

    public String fastauth(String onOff) throws java.io.IOException {
        AuditContext.transport("console", "gogo"); // the action's audit record names Gogo
        boolean on = switch (onOff.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "enable", "true" -> true;
            case "off", "disable", "false" -> false;
            default -> throw new IllegalArgumentException("fastauth on|off");
        };
        actions.setPlatform("hpcFastAuth", on);
        return "HPC fast authentication " + (on ? "on" : "off") + " (HPCFASTAUTH).";
    }

    public String log() throws java.io.IOException {
        return String.join("\n", actions.logFiles());
    }

    public String log(String file) throws java.io.IOException {
        return String.join("\n", actions.tail(file, 200));
    }

    public String loglevel() throws java.io.IOException {
        return "Platform log level " + logLevel.level() + " (LOG/platform.log).";
    }

    public String loglevel(String level) throws java.io.IOException {
        return "Platform log level now " + logLevel.setLevel(level) + " (LOG/platform.log).";
    }

    /** A shell user waits for the job and sees its outcome, as with the official console. */
    private static String await(Jobs.Job job) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!job.finished && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        if (!job.finished) {
            return job.name + " still running: " + job.step;
        }
        return (job.ok ? "" : "failed: ") + job.result;
    }
}
