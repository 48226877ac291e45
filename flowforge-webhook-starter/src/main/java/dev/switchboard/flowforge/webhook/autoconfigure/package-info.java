/** Spring Boot wiring of the Flowforge receiver: the {@code flowforge.webhook.*} properties. */
package dev.switchboard.flowforge.webhook.autoconfigure;
