/**
 * Labs: a member's running environment made from a catalog template, its life from the queue to
 * stopped, and the rules every change of state obeys.
 */
package io.campuslab.domain.lab;
