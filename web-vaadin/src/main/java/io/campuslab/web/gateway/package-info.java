/**
 * The lab gateway's HTTP side: an Undertow handler in front of the portal's servlets that checks the
 * lab-scoped pass of every request and WebSocket upgrade and proxies it to the lab's endpoint with
 * Undertow's own proxy handler, counting the traffic as the lab's activity.
 */
package io.campuslab.web.gateway;
