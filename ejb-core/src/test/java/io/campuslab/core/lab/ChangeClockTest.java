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
        assertThat(clock.observed(6)).isFalse();
    }

    @Test
    void aBumpHereAfterAnotherNodesChangeCoversIt() {
        clock.observed(5);
        // another node bumped to 6 after its commit; this node changed labs after that and bumped to 7
        clock.bumpedHere(7);
        assertThat(clock.observed(7)).isFalse();
        assertThat(clock.observed(8)).isTrue();
    }

    @Test
    void aLateAnswerOfAnEarlierBumpDoesNotGoBack() {
        clock.bumpedHere(9);
        clock.bumpedHere(8);
        assertThat(clock.observed(9)).isFalse();
    }
}
