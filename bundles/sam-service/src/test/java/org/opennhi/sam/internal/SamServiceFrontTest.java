// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCardSession;
import org.osgi.framework.Constants;

/** The test/production guard (docs/sam-plugins.md) on the simulated cards, and the SAM mode switch. */
public class SamServiceFrontTest {
    private static final String TEST_SAM = "900077777777";
    private static final String PRODUCTION_SAM = "000035012000";
    private static final String TEST_HC = "900000000001";
    private static final String PRODUCTION_HC = "000000000101";
    private static final String TEST_HPC = "900000001001";
    private static final String PRODUCTION_HPC = "000000001001";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SimulatedCards world;
    private final SamServiceFront front = new SamServiceFront();
    private long ids = 1;

    private SimulatedCards world() throws Exception {
        if (world == null) {
            world = SimulatedCards.open(tmp.newFolder("cards").toPath());
        }
        return world;
    }

    @Test
    public void testCardsWithAProductionSamAreRefused() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", PRODUCTION_SAM), 0);
        refused(Slot.HC, TEST_HC, sam);
        refused(Slot.HPC, TEST_HPC, sam);
    }

    @Test
    public void productionCardsWithATestSamAreRefused() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", TEST_SAM), 0);
        refused(Slot.HC, PRODUCTION_HC, sam);
        refused(Slot.HPC, PRODUCTION_HPC, sam);
    }

    @Test
    public void aTestHcWithAProductionHpcIsRefused() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", TEST_SAM), 0);
        front.authenticateCard(session(Slot.HC, TEST_HC));
        refused(Slot.HPC, PRODUCTION_HPC, sam);
        assertEquals(1, sam.cardAuthentications.get());
    }

    @Test
    public void aTestHpcWithAProductionHcIsRefused() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", TEST_SAM), 0);
        front.authenticateCard(session(Slot.HPC, TEST_HPC));
        refused(Slot.HC, PRODUCTION_HC, sam);
        assertEquals(1, sam.cardAuthentications.get());
    }

    @Test
    public void aHpcOfTheOtherEnvironmentIsRefusedEvenWhenTheSamChanged() throws Exception {
        FakeSam test = bind(new FakeSam("cloud", TEST_SAM), 0);
        bind(new FakeSam("physical", PRODUCTION_SAM), 0);
        front.bindSettings(settings("cloud"));
        front.authenticateCard(session(Slot.HC, TEST_HC));
        front.updatedSettings(settings("physical"));
        try {
            front.authenticateCard(session(Slot.HPC, PRODUCTION_HPC));
            fail("a production HPC must not meet the test HC still in its reader");
        } catch (NhiException e) {
            assertEquals(ResultCode.TEST_PRODUCTION_MIX, e.result());
        }
        assertEquals(1, test.cardAuthentications.get());
    }

    @Test
    public void matchingCardsAreAuthenticatedByThePlugin() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", TEST_SAM), 0);
        front.authenticateCard(session(Slot.HC, TEST_HC));
        front.authenticateCard(session(Slot.HPC, TEST_HPC));
        assertEquals(2, sam.cardAuthentications.get());
    }

    @Test
    public void theModeSwitchesLiveAndAMissingPluginIsAClearCode() throws Exception {
        bind(new FakeSam("cloud", TEST_SAM), 0);
        bind(new FakeSam("physical", "900088888888"), 0);
        front.bindSettings(settings("cloud"));
        assertEquals(TEST_SAM, front.identity().orElseThrow().samId());
        front.updatedSettings(settings("physical"));
        assertEquals("physical", front.mode());
        assertEquals("900088888888", front.identity().orElseThrow().samId());
        front.updatedSettings(settings("vendor"));
        assertEquals(SamStatus.ABSENT, front.status());
        try {
            front.authenticateWithIdc(Progress.NONE);
            fail();
        } catch (NhiException e) {
            assertEquals(ResultCode.SAM_NOT_PRESENT, e.result());
        }
    }

    @Test
    public void aCardThatIsNoHcIsRefusedAsSuch() throws Exception {
        bind(new FakeSam("cloud", TEST_SAM), 0);
        try {
            front.authenticateCard(session(Slot.HC, TEST_HPC));
            fail("an HPC in the HC slot is not an HC");
        } catch (NhiException e) {
            assertEquals(ResultCode.NOT_AN_HC, e.result());
        }
    }

    @Test
    public void whileTheAuditLogCannotBeWrittenWritesAndIdcCallsAre6016() throws Exception {
        bind(new FakeSam("cloud", TEST_SAM), 0);
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        front.bindEvents(new org.opennhi.contracts.platform.PlatformEvents() {
            @Override
            public void publish(org.opennhi.contracts.platform.PlatformEvent event) {
            }

            @Override
            public Optional<String> auditFailure() {
                return Optional.ofNullable(failure.get());
            }
        });
        SecureChannel hc = front.authenticateCard(session(Slot.HC, TEST_HC));
        failure.set("No space left on device");
        SecureChannel again = front.authenticateCard(session(Slot.HC, TEST_HC)); // reads go on
        int refused = 0;
        for (Expectation call : new Expectation[] {() -> front.callIdc("/v1/uploads", "{}"),
            () -> front.sign(SignatureType.values()[0], new byte[20]), () -> hc.protect(new byte[] {(byte) 0x80}),
            () -> again.protect(new byte[] {(byte) 0x80})}) {
            try {
                call.run();
                fail("refused while unaudited");
            } catch (NhiException e) {
                assertEquals(ResultCode.OUT_OF_MEMORY, e.result());
                assertTrue(e.getMessage(), e.getMessage().contains("audit log"));
                refused++;
            }
        }
        failure.set(null);
        assertEquals("{}", front.callIdc("/v1/uploads", "{}"));
        assertEquals(1, hc.protect(new byte[] {(byte) 0x80}).length);
        System.out.println("audit failure: " + refused + " of 4 writing calls refused 6016, card authentication went on");
    }

    @Test
    public void aKnownCardNumberSavesTheSelectAndTheReadAndStillGuardsTheMix() throws Exception {
        FakeSam sam = bind(new FakeSam("cloud", TEST_SAM), 0);
        VirtualCardSession hc = session(Slot.HC, TEST_HC);
        front.authenticateCard(hc, TEST_HC);
        assertEquals("the caller has selected and read the card: nothing more sent", 0, hc.commands().size());
        assertEquals(1, sam.cardAuthentications.get());
        try {
            front.authenticateCard(session(Slot.HPC, PRODUCTION_HPC), PRODUCTION_HPC);
            fail("a production HPC with a test SAM");
        } catch (NhiException e) {
            assertEquals(ResultCode.TEST_PRODUCTION_MIX, e.result());
        }
        try {
            front.authenticateCard(session(Slot.HC, TEST_HC), "X00000000001");
            fail("a number of neither environment");
        } catch (NhiException e) {
            assertEquals(ResultCode.NOT_AN_HC, e.result());
        }
        assertEquals(1, sam.cardAuthentications.get());
    }

    @Test
    public void aBrokenPluginAnswersCodesAndNeverBreaksTheService() throws Exception {
        SamPlugin broken = (SamPlugin) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SamPlugin.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? 0 : "broken";
                    }
                    throw method.getName().equals("sign") ? new NoClassDefFoundError("vendor/Native")
                            : new IllegalStateException("vendor bug");
                });
        bind(broken, "vendor", 0);
        front.bindSettings(settings("vendor"));
        assertEquals(SamStatus.ABSENT, front.status());
        assertTrue(front.identity().isEmpty());
        for (Expectation call : new Expectation[] {() -> front.authenticateWithIdc(Progress.NONE),
            () -> front.sign(SignatureType.values()[0], new byte[20]), () -> front.callIdc("/v1/uploads", "{}"),
            () -> front.offlineTreatmentId(java.time.LocalDateTime.now(), "A123456789")}) {
            try {
                call.run();
                fail("a broken plugin cannot serve");
            } catch (NhiException e) {
                assertEquals(ResultCode.SAM_NOT_PRESENT, e.result());
            }
        }
        bind(new FakeSam("cloud", TEST_SAM), 0);
        front.updatedSettings(settings("cloud"));
        assertEquals(SamStatus.AUTHENTICATED, front.status());
        assertEquals("{}", front.callIdc("/v1/uploads", "{}"));
    }

    private interface Expectation {
        void run() throws Exception;
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** 9203, the plugin never asked, only public commands on the card, and its failure counter untouched. */
    private void refused(Slot slot, String number, FakeSam sam) throws Exception {
        int before = sam.cardAuthentications.get();
        VirtualCardSession session = session(slot, number);
        try {
            front.authenticateCard(session);
            fail(number + " must be refused");
        } catch (NhiException e) {
            assertEquals(ResultCode.TEST_PRODUCTION_MIX, e.result());
        }
        assertEquals("the plugin was never asked", before, sam.cardAuthentications.get());
        for (byte[] command : session.commands()) {
            int ins = command[1] & 0xFF;
            assertTrue(String.format("only SELECT and public GET DATA reach the card, not INS %02X", ins),
                    ins == 0xA4 || ins == 0xCA);
        }
        assertTrue(world().show(number), world().show(number).contains("failed authentications: 0"));
    }

    private VirtualCardSession session(Slot slot, String number) throws Exception {
        return new VirtualCardSession(slot, world().card(number));
    }

    private <T extends FakeSam> T bind(T plugin, int ranking) {
        return bind(plugin, plugin.mode, ranking);
    }

    private <T extends SamPlugin> T bind(T plugin, String mode, int ranking) {
        Map<String, Object> props = new HashMap<>();
        props.put(SamPlugin.MODE_PROPERTY, mode);
        props.put(Constants.SERVICE_RANKING, ranking);
        props.put(Constants.SERVICE_ID, ids++);
        front.bindPlugin(plugin, props);
        return plugin;
    }

    private static final class FakeSam implements SamPlugin {
        final AtomicInteger cardAuthentications = new AtomicInteger();
        final String mode;
        private final String samId;

        FakeSam(String mode, String samId) {
            this.mode = mode;
            this.samId = samId;
        }

        @Override
        public SamStatus status() {
            return SamStatus.AUTHENTICATED;
        }

        @Override
        public Optional<SamIdentity> identity() {
            return Optional.of(new SamIdentity(samId.substring(2, 12) + "", "診所", "診所", samId));
        }

        @Override
        public void authenticateWithIdc(Progress progress) {
        }

        @Override
        public SecureChannel authenticateCard(CardSession session, String cardNumber) {
            cardAuthentications.incrementAndGet();
            return new SecureChannel() {
                @Override
                public Slot slot() {
                    return session.slot();
                }

                @Override
                public String cardNumber() {
                    return "";
                }

                @Override
                public byte[] protect(byte[] plainCommand) {
                    return plainCommand;
                }
            };
        }

        @Override
        public String callIdc(String route, String jsonBody) {
            return "{}";
        }

        @Override
        public byte[] sign(SignatureType type, byte[] data) {
            return new byte[type.length()];
        }
    }

    private static PlatformSettings settings(String samMode) {
        return new PlatformSettings() {
            @Override
            public String readerType() {
                return READER_TYPE_PCSC;
            }

            @Override
            public String samMode() {
                return samMode;
            }

            @Override
            public String samPort() {
                return "COMX1";
            }

            @Override
            public boolean hpcFastAuth() {
                return false;
            }

            @Override
            public boolean watchOverlay() {
                return false;
            }

            @Override
            public boolean remoteDesktop() {
                return false;
            }

            @Override
            public boolean keepHisOnConsoleClose() {
                return true;
            }

            @Override
            public boolean openConsoleOnCall() {
                return true;
            }

            @Override
            public boolean demo() {
                return true;
            }
        };
    }
}
