package io.campuslab.web.security;

import com.vaadin.cdi.annotation.VaadinSessionScoped;
import com.vaadin.flow.server.VaadinServletRequest;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.identity.MemberService;
import io.campuslab.core.identity.SignInRefusedException;
import io.campuslab.core.identity.TokenClaims;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * The member signed in to this Vaadin session. The first request of a session records the sign-in
 * (creating the member just in time); every navigation checks the profile again.
 */
@VaadinSessionScoped
public class SignedInMember implements Serializable {

    @Inject
    MemberService memberService;

    private CallerProfile profile;

    /** The profile, signing the member in on the first call of the session. */
    public synchronized CallerProfile profile() throws SignInRefusedException {
        if (profile == null) {
            profile = memberService.signIn(identity());
        }
        return profile;
    }

    /**
     * The profile as the identity provider describes the person now, checked at every navigation: a
     * member taken out of the school is refused at once, and changed roles show.
     */
    public synchronized CallerProfile recheck() throws SignInRefusedException {
        profile = profile == null ? memberService.signIn(identity()) : memberService.recognize(identity());
        return profile;
    }

    private static TokenClaims identity() {
        return TokenIdentity.of(VaadinServletRequest.getCurrent().getHttpServletRequest())
                .orElseThrow(() -> new IllegalStateException("The portal is only reachable after OIDC sign-in"));
    }

    /** The profile of a session that is known to be signed in (every route after the sign-in check). */
    public CallerProfile current() {
        try {
            return profile();
        } catch (SignInRefusedException e) {
            throw new IllegalStateException("Route reached without a valid sign-in", e);
        }
    }
}
