// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.util.Map;

import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.Application;

/**
 * The VPN portal's cloud-SAM pages as JSON: an institution applies, lists, downloads and asks for revocation
 * ({@code /portal/...}); NHI staff review, approve and reject ({@code /admin/...}, admin token).
 */
public final class PortalApi {
    private final Lifecycle lifecycle;

    /** @param lifecycle the issuance lifecycle */
    public PortalApi(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Adds the routes. */
    public void register(Router router) {
        router.add("POST", "/portal/applications", c -> lifecycle.apply(c.required("hospitalId"), c.string("contact"),
                c.string("phone"), c.string("email")));
        router.add("GET", "/portal/applications", c -> Map.of("applications", lifecycle.list(c.query("hospitalId"))));
        router.add("GET", "/portal/applications/{no}", c -> lifecycle.application(c.param("no")));
        router.add("GET", "/portal/applications/{no}/download", c -> {
            Application app = lifecycle.application(c.param("no"));
            return new Reply("application/zip", lifecycle.download(app.applicationNo),
                    app.hospitalId + app.samId + ".zip");
        });
        router.add("POST", "/portal/applications/{no}/revoke", c -> lifecycle.requestRevocation(c.param("no")));
        router.add("GET", "/portal/institutions", c -> Map.of("institutions", lifecycle.institutions()));

        router.admin("POST", "/admin/applications/{no}/review", c -> lifecycle.review(c.param("no")));
        router.admin("POST", "/admin/applications/{no}/approve", c -> lifecycle.approve(c.param("no")));
        router.admin("POST", "/admin/applications/{no}/reject", c -> lifecycle.reject(c.param("no"), c.string("reason")));
        router.admin("POST", "/admin/institutions", c -> lifecycle.contract(c.required("hospitalId"),
                c.required("name"), c.string("shortName")));
        router.admin("POST", "/admin/production/run", c -> Map.of("changed", lifecycle.runHour()));
    }
}
