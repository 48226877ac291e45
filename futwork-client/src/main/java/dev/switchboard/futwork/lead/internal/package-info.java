/** Implementation of the lead client: validation, request building and bulk submission. */
package dev.switchboard.futwork.lead.internal;
