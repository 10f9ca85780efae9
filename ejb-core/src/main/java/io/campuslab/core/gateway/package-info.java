/**
 * The lab gateway's core: where each running lab is reached ({@link io.campuslab.core.gateway.LabRoute}),
 * who may reach it, the signed passes that prove it ({@link io.campuslab.core.gateway.GatewayPasses}),
 * and the traffic that is the lab's activity. The HTTP side (the Undertow proxy in front of the
 * portal's servlets) lives in the web module and asks {@link io.campuslab.core.gateway.GatewayDirectory}
 * on every request, without any remote call or database query.
 */
package io.campuslab.core.gateway;
