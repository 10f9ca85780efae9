/**
 * Storage of uploaded course material and datasets: archives are checked entry by entry, extracted
 * into a temporary folder and swapped in whole, so a bad upload never leaves anything behind.
 */
package io.campuslab.core.storage;
