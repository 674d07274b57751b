// SPDX-License-Identifier: Apache-2.0
/**
 * The reader plugin conformance kit: extend {@link org.opennhi.testkit.reader.ReaderPluginConformance} in a
 * test and return a {@link org.opennhi.testkit.reader.ReaderHarness} for your plugin and device.
 */
package org.opennhi.testkit.reader;
