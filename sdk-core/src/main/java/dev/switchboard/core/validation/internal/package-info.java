/** The validators behind the SDK's constraints; not public API. */
package dev.switchboard.core.validation.internal;
