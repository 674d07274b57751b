// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamStatus;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The cloud SAM plugin in the distribution's bundle set: on a new home (no SAM file) with no IDC it starts,
 * reports status 0, and csVerifySAMDC answers 9200 at once instead of failing or hanging.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SamCloudIT {
    @Inject
    private BundleContext context;
    @Inject
    private MetaTypeService metaType;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws java.io.IOException {
        return PlatformOptions.platform().toArray(new Option[0]);
    }

    private SamPlugin cloud() throws Exception {
        String filter = "(" + SamPlugin.MODE_PROPERTY + "=cloud)";
        Await.until("the cloud SAM plugin is registered", () -> {
            try {
                return !context.getServiceReferences(SamPlugin.class, filter).isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        Collection<ServiceReference<SamPlugin>> refs = context.getServiceReferences(SamPlugin.class, filter);
        return context.getService(refs.iterator().next());
    }

    @Test
    public void startsWithoutASamFileOrAnIdc() throws Exception {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> "org.opennhi.sam.cloud".equals(b.getSymbolicName())).findFirst().orElse(null);
        assertNotNull("the distribution holds the cloud SAM plugin", bundle);
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertEquals("listed as a plugin", "sam", bundle.getHeaders().get(Plugins.HEADER));

        SamPlugin sam = cloud();
        Await.until("status 0 (no SAM file in " + home.samFolder("COMX1") + ")",
                () -> sam.status() == SamStatus.ABSENT);
        assertTrue(sam.identity().isEmpty());
        assertEquals(ResultCode.SAM_FOLDER_INVALID,
                assertThrows(NhiException.class, () -> sam.authenticateWithIdc(null)).result());

        MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
        assertTrue(Set.of(info.getPids()).contains("opennhi.sam.cloud"));
    }
}
