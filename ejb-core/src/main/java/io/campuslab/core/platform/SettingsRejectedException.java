package io.campuslab.core.platform;

import io.campuslab.domain.platform.SettingProblem;
import java.util.List;

/** A change of platform settings that cannot be made; every problem names its key. */
public class SettingsRejectedException extends InvalidInputException {

    private final List<SettingProblem> problems;

    public SettingsRejectedException(List<SettingProblem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).arguments().toArray());
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
