/** School admins set what students and teachers may ask for, per role and per member, within the school's quota. */
package io.campuslab.core.quota;
