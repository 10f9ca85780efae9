/** Health checks served at the management interface's {@code /health}. */
package io.campuslab.web.health;
