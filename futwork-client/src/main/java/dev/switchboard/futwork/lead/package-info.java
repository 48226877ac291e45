/**
 * Lead submission to Futwork: {@link dev.switchboard.futwork.lead.LeadClient} pushes leads to
 * workflows and campaigns, one at a time or in bulk, and answers receipts or typed exceptions.
 */
package dev.switchboard.futwork.lead;
