package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a node's pages are told of a change counted in the database, and when they already were. */
class ChangeClockTest {

    private final ChangeClock clock = new ChangeClock();

    @Test
    void anotherNodesChangeIsToldOnceWhenTheWatchFirstSeesIt() {
        assertThat(clock.observed(0)).isFalse();
        assertThat(clock.observed(1)).isTrue();
        assertThat(clock.observed(1)).as("the next tick, nothing new").isFalse();
        assertThat(clock.observed(3)).as("two changes between ticks, one refresh").isTrue();
    }

    @Test
    void aChangeMadeHereIsNotToldTwice() {
        clock.observed(5);
        clock.bumpedHere(6);
        clock.bumpedHere(7);
        assertThat(clock.observed(7)).isFalse();
    }

    @Test
    void anotherNodesBumpBetweenTwoOfOursIsTold() {
        clock.observed(5);
        clock.bumpedHere(6);
        // another node's change got 7, after this node's pages were told of its own change
        clock.bumpedHere(8);
        assertThat(clock.observed(8)).isTrue();
        assertThat(clock.observed(8)).isFalse();
    }

    @Test
    void ourBumpAnsweredAfterTheWatchSawItIsForgotten() {
        clock.observed(5);
        assertThat(clock.observed(6)).as("read before this node learned the value was its own").isTrue();
        clock.bumpedHere(6);
        assertThat(clock.observed(7)).isTrue();
    }
}
