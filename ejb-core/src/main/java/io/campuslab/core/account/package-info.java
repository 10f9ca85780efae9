/**
 * An account's life in a school: a school admin suspends and resumes a member (in the directory and
 * here, with the member's labs stopped), removes one after a preview (labs stopped, the workspace kept
 * for a grace period with a download for the member, then account, workspace and records deleted by
 * {@link io.campuslab.core.account.AccountSweep}), and ends a school year. Above identity, classrooms
 * and labs, which know nothing of it.
 */
package io.campuslab.core.account;
