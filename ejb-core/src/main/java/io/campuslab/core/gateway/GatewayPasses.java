package io.campuslab.core.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's proofs, signed with the platform's gateway secret (HMAC-SHA256): a one-time
 * <em>ticket</em> that the portal puts in the address it sends a browser to (valid for a minute, used
 * once), and the lab-scoped, HttpOnly <em>cookie</em> the gateway sets in exchange (valid for half an
 * hour, renewed while the lab is used). Each names one lab, one person (their token subject) and
 * why they may enter: as its owner, as the session's teacher, or as a school admin.
 */
public final class GatewayPasses {

    /** What a pass is for. */
    public enum Kind { TICKET, COOKIE }

    /** Why the holder may enter the lab. */
    public enum Standing { OWNER, TEACHER, ADMIN }

    public static final Duration TICKET_LIFE = Duration.ofMinutes(1);
    public static final Duration COOKIE_LIFE = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;

    public GatewayPasses(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("The gateway secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** A pass, once its signature and expiry are checked. */
    public record Pass(Kind kind, long labId, String subject, Standing standing, Instant expires, String nonce) {

        /** Whether less than half of a cookie's life is left: time to renew it. */
        public boolean dueForRenewal(Instant now) {
            return expires.minus(COOKIE_LIFE.dividedBy(2)).isBefore(now);
        }
    }

    public String issue(Kind kind, long labId, String subject, Standing standing, Instant now) {
        Instant expires = now.plus(kind == Kind.TICKET ? TICKET_LIFE : COOKIE_LIFE);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String body = kind.name().charAt(0) + "." + labId + "." + B64.encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "." + standing.name().charAt(0) + "." + expires.getEpochSecond() + "." + B64.encodeToString(nonce);
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The pass, if the text is one of this kind, signed with this secret and not expired. */
    public Optional<Pass> verify(String text, Kind kind, Instant now) {
        if (text == null || text.length() > 600) {
            return Optional.empty();
        }
        int lastDot = text.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String body = text.substring(0, lastDot);
        byte[] given;
        try {
            given = B64D.decode(text.substring(lastDot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(body))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.", -1);
        if (parts.length != 6 || parts[0].length() != 1 || parts[0].charAt(0) != kind.name().charAt(0)) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            if (!now.isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Pass(kind, Long.parseLong(parts[1]), new String(B64D.decode(parts[2]), StandardCharsets.UTF_8),
                    standing(parts[3]), expires, parts[5]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Standing standing(String letter) {
        for (Standing standing : Standing.values()) {
            if (standing.name().substring(0, 1).equals(letter)) {
                return standing;
            }
        }
        throw new IllegalArgumentException("No standing " + letter);
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }
}
