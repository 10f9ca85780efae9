package io.campuslab.core.account;

/**
 * A removed member whose grace period has ended, with what is deleted of them: the directory's
 * account ({@code subject}), the workspace folders (host storage) or claim (cluster storage, in the
 * school's namespace), then their records.
 */
record Departure(long memberId, String subject, String username, String school, WorkspaceFolders foldersOrNull,
                 String namespace, String claimOrNull) {
}
