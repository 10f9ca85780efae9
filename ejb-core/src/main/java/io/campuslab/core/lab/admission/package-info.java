/**
 * Deciding which queued labs start now: a pure policy over a snapshot of the queue, what runs, the
 * schools' and users' limits and the nodes' free room. No clock, no database, no cluster: the same
 * snapshot always gives the same decision.
 */
package io.campuslab.core.lab.admission;
