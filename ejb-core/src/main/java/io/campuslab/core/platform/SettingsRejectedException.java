package io.campuslab.core.platform;

import io.campuslab.domain.platform.SettingProblem;
import java.io.Serializable;
import java.util.List;

/** A change of platform settings that cannot be made; every problem names its key. */
public class SettingsRejectedException extends InvalidInputException {

    /** What is wrong with the value given for one setting: its key, a message key and the message's arguments. */
    public record Problem(String key, String messageKey, List<Object> arguments) implements Serializable {

        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    private final List<Problem> problems;

    public SettingsRejectedException(List<SettingProblem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).arguments().toArray());
        this.problems = problems.stream().map(p -> new Problem(p.key(), p.messageKey(), p.arguments())).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
