package io.campuslab.domain.platform;

import java.util.List;

/** What is wrong with the value given for one setting: the key, a message key and its arguments. */
public record SettingProblem(String key, String messageKey, List<Object> arguments) {

    public SettingProblem {
        arguments = List.copyOf(arguments);
    }
}
