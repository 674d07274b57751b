// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.opennhi.card.crypto.CardKind;

/**
 * Keeps each card's state in {@code <dir>/<card number>.card} (a properties file, binary as hex). Writes go
 * to a temporary file that is then moved over the old one, so a crash never leaves a half-written card.
 */
public final class CardStore {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SUFFIX = ".card";
    private final Path dir;

    public CardStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** @return the numbers of all stored cards, sorted */
    public List<String> numbers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).sorted()
                    .forEach(n -> out.add(n.substring(0, n.length() - SUFFIX.length())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public boolean contains(String number) {
        return Files.isRegularFile(file(number));
    }

    public void save(CardState s) {
        Properties p = new Properties();
        p.setProperty("kind", s.kind().name());
        p.setProperty("number", s.number());
        p.setProperty("key", HEX.formatHex(s.cardKey()));
        if (s.masterKey() != null) {
            p.setProperty("master", HEX.formatHex(s.masterKey()));
        }
        if (s.signingKey() != null) {
            p.setProperty("sign", HEX.formatHex(s.signingKey()));
        }
        if (s.pin() != null) {
            p.setProperty("pin", s.pin());
        }
        p.setProperty("pinEnabled", Boolean.toString(s.pinEnabled()));
        p.setProperty("pinTries", Integer.toString(s.pinTries()));
        if (s.puk() != null) {
            p.setProperty("puk", s.puk());
        }
        p.setProperty("authFailures", Integer.toString(s.authFailures()));
        s.areas().forEach((id, bytes) -> p.setProperty(String.format("area.%02X", id), HEX.formatHex(bytes)));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, s.number(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "simulated NHI card, see docs/card-profile.md");
            }
            try {
                Files.move(tmp, file(s.number()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(s.number()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save card state in " + dir, e);
        }
    }

    public CardState load(String number) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file(number))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card " + number + " in " + dir, e);
        }
        try {
            CardState s = new CardState(CardKind.valueOf(p.getProperty("kind")), p.getProperty("number"),
                    HEX.parseHex(p.getProperty("key")));
            if (p.getProperty("master") != null) {
                s.setMasterKey(HEX.parseHex(p.getProperty("master")));
            }
            if (p.getProperty("sign") != null) {
                s.setSigningKey(HEX.parseHex(p.getProperty("sign")));
            }
            s.setPin(p.getProperty("pin"), Boolean.parseBoolean(p.getProperty("pinEnabled")));
            s.setPinTries(Integer.parseInt(p.getProperty("pinTries", "3")));
            s.setPuk(p.getProperty("puk"));
            s.setAuthFailures(Integer.parseInt(p.getProperty("authFailures", "0")));
            for (Integer id : s.areas().keySet()) {
                String hex = p.getProperty(String.format("area.%02X", id));
                if (hex != null) {
                    s.setArea(id, HEX.parseHex(hex));
                }
            }
            return s;
        } catch (RuntimeException e) {
            throw new IllegalStateException("card file " + file(number) + " is damaged: " + e.getMessage(), e);
        }
    }

    public void deleteAll() {
        for (String n : numbers()) {
            try {
                Files.deleteIfExists(file(n));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file(n), e);
            }
        }
    }

    private Path file(String number) {
        if (!number.matches("[0-9A-Za-z]{1,32}")) {
            throw new IllegalArgumentException("not a card number");
        }
        return dir.resolve(number + SUFFIX);
    }
}
