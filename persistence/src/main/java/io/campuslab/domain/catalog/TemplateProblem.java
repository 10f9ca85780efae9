package io.campuslab.domain.catalog;

import java.util.List;

/** One thing wrong with a template definition: the field, a message key and its arguments. */
public record TemplateProblem(String field, String messageKey, List<Object> arguments) {

    static TemplateProblem of(String field, String key, Object... arguments) {
        return new TemplateProblem(field, "error.template." + key, List.of(arguments));
    }
}
