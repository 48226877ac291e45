/** Implementation of the Flowforge receiver: the tolerant parser of Flowforge's envelope. */
package dev.switchboard.flowforge.webhook.internal;
