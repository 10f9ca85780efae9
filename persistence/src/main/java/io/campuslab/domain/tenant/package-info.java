/**
 * Schools (tenants): their identity, status and Kubernetes namespace. A tenant is the unit of
 * isolation: every other record belongs to exactly one tenant or is global.
 */
package io.campuslab.domain.tenant;
