/**
 * The floor of the startup part: seven auto-configurations in the shape of the SDK's (its
 * conditions, with {@code @ConditionalOnBean} in place of the WorkFlux receiver's own, twenty beans
 * of which five are {@code @ConfigurationProperties} records bound from the same arguments, one
 * Spring MVC handler mapping) whose beans do nothing. Started in place of the SDK's jars, they show
 * what Spring itself charges for an SDK of that shape on the same host in the same run, so that the
 * rest of the SDK's share is what its own beans do.
 *
 * <p>Only the startup part's floor variant lists these classes as auto-configurations (its class
 * path adds a directory holding the imports file); no other application in this module sees them.
 */
package dev.switchboard.benchmarks.floor;
