// SPDX-License-Identifier: Apache-2.0
/**
 * The function bodies the 5.1.x and 3.5.x facades share, written once and exported by no bundle: each facade
 * bundle embeds a private copy at build time (bnd {@code -conditionalpackage}), so updating {@code api-v5}
 * never touches the classes {@code api-v3} runs, and the other way round.
 */
package org.opennhi.api.common.functions;
