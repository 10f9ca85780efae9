/**
 * An account's life in a school: a school admin suspends and resumes a member (in the directory and
 * here, with the member's labs stopped). Above identity and labs, which know nothing of it.
 */
package io.campuslab.core.account;
