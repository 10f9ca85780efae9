/** Datasets: files a school (or the platform, for every school) provides to labs, read-only. */
package io.campuslab.domain.dataset;
