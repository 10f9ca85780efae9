package io.campuslab.domain.quota;

import java.io.Serializable;

/** Why an allowance or a lab within it is refused: a message key and the limit it names. */
public record AllowanceProblem(String messageKey, long limit) implements Serializable {
}
