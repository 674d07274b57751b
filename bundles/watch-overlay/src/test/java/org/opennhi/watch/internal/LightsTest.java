// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonParser;

import org.junit.Test;

/** The desktop window reads the same /status snapshot the web page reads. */
public class LightsTest {
    @Test
    public void takesTheLightsAndTheLastErrorFromAStatusSnapshot() {
        Lights l = Lights.from(JsonParser.parseString("""
                {"sam":{"status":2},"slots":{
                  "HC":{"cardStatus":2,"lightLabel":"authenticated with the SAM"},
                  "HPC":{"cardStatus":1,"lightLabel":"inserted"},
                  "SAM":{"cardPresent":false}},
                 "lastError":{"message":"reader X went away","time":"t"}}""").getAsJsonObject());
        assertEquals(new Lights(2, "authenticated with the IDC", 2, "authenticated with the SAM", 1, "inserted",
                "reader X went away"), l);
    }

    @Test
    public void aSnapshotWithoutCardStatusOrErrorShowsNoCards() {
        Lights l = Lights.from(JsonParser.parseString("""
                {"sam":{"status":0},"slots":{"HC":{},"HPC":{}},"lastError":null}""").getAsJsonObject());
        assertEquals(new Lights(0, "no SAM file", 0, "no card", 0, "no card", ""), l);
    }
}
