// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.google.gson.JsonPrimitive;

import org.junit.Test;
import org.osgi.service.metatype.AttributeDefinition;

/** Values a setting does not take are refused before anything is persisted (issue 16, item 5). */
public class SettingsValuesTest {

    private static AttributeDefinition text(String id) {
        return new AttributeDefinition() {
            @Override public String getName() { return id; }
            @Override public String getID() { return id; }
            @Override public String getDescription() { return ""; }
            @Override public int getCardinality() { return 0; }
            @Override public int getType() { return STRING; }
            @Override public String[] getOptionValues() { return null; }
            @Override public String[] getOptionLabels() { return null; }
            @Override public String validate(String value) { return ""; }
            @Override public String[] getDefaultValue() { return null; }
        };
    }

    @Test
    public void theSamPortNamesASamFolderAndNothingElse() {
        AttributeDefinition port = text("samPort");
        assertEquals("COMX2", SettingsServlet.convert(port, new JsonPrimitive("COMX2")));
        assertEquals("COMX99", SettingsServlet.convert(port, new JsonPrimitive("COMX99")));
        for (String bad : new String[] {"../../../etc", "comx1", "COMX0", "COMX100", "COMX1/..", ""}) {
            assertNull(bad, SettingsServlet.convert(port, new JsonPrimitive(bad)));
        }
    }

    @Test
    public void aReaderTypeIsATypeName() {
        AttributeDefinition type = text("readerType");
        assertEquals("nhi-com", SettingsServlet.convert(type, new JsonPrimitive("nhi-com")));
        assertNull(SettingsServlet.convert(type, new JsonPrimitive("any text at all")));
        assertNull(SettingsServlet.convert(type, new JsonPrimitive("PCSC")));
    }

    @Test
    public void otherTextSettingsKeepTheirOwnRules() {
        assertEquals("Virtual PCD 00 00", SettingsServlet.convert(text("hcReaderName"),
                new JsonPrimitive("Virtual PCD 00 00")));
    }
}
