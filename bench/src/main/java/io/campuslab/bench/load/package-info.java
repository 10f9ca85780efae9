/**
 * The portal under load: a crowd of students, teachers and admins of one school on the REST API
 * (Apache JMeter, through its Java DSL), and real browsers beside it for the pages and the memory of
 * a Vaadin session. Run against a running stack ({@code ./campuslab run}); figures in
 * docs/benchmarks.md.
 */
package io.campuslab.bench.load;
