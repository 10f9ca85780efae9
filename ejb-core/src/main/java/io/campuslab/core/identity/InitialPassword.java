package io.campuslab.core.identity;

import java.security.SecureRandom;

/**
 * A one-time password for a person CampusLab creates: shown once to the admin who created them,
 * never stored, and to be changed at the first sign-in. Letters and digits that cannot be mistaken
 * for each other when read aloud or copied from paper.
 */
public final class InitialPassword {

    private static final char[] CHARACTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPassword() {
    }

    public static String generate() {
        char[] password = new char[12];
        for (int i = 0; i < password.length; i++) {
            password[i] = CHARACTERS[RANDOM.nextInt(CHARACTERS.length)];
        }
        return new String(password);
    }
}
