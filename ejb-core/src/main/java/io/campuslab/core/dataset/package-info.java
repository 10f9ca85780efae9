/** Datasets: creating them, putting their files in place from a zip, listing what is there. */
package io.campuslab.core.dataset;
