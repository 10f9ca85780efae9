/** JMH benchmarks of CampusLab's pure cores; each prints its figures, recorded in docs/benchmarks.md. */
package io.campuslab.bench;
